using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// ImportTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class ImportTestsOnPostgres : ImportTests
{
    protected override TestStore Store => TestStore.Postgres;
}
