using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.OpenData;

namespace Testimonies.Tests.Postgres;

// ExportLimitTests again on a PostgreSQL server (skipped without a server; .ci/run installs one).
public sealed class ExportLimitTestsOnPostgres : ExportLimitTests
{
    protected override TestStore Store => TestStore.Postgres;
}
