using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Search;

namespace Testimonies.Tests.Postgres;

// FrequentWordTests again on a PostgreSQL server (skipped without one; .ci/run installs one).
public sealed class FrequentWordTestsOnPostgres : FrequentWordTests
{
    protected override TestStore Store => TestStore.Postgres;
}
