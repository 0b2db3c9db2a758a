using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Search;

namespace Testimonies.Tests.Postgres;

// SearchIndexTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class SearchIndexTestsOnPostgres : SearchIndexTests
{
    protected override TestStore Store => TestStore.Postgres;
}
