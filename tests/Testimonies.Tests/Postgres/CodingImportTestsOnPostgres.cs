using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// CodingImportTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class CodingImportTestsOnPostgres : CodingImportTests
{
    protected override TestStore Store => TestStore.Postgres;
}
