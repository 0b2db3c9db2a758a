using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Reports;

namespace Testimonies.Tests.Postgres;

// ProblemReportTests again on a PostgreSQL server: the queue, its stale-save check and its limits answer alike on both engines
// (skipped without a server; .ci/run installs one).
public sealed class ProblemReportTestsOnPostgres : ProblemReportTests
{
    protected override TestStore Store => TestStore.Postgres;
}
