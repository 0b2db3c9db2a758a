using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.RefiQda;

namespace Testimonies.Tests.Postgres;

// RefiQdaExportTests again on a PostgreSQL server (skipped without one; .ci/run installs one).
public sealed class RefiQdaExportTestsOnPostgres : RefiQdaExportTests
{
    protected override TestStore Store => TestStore.Postgres;
}
