using Testimonies.Tests.Admin;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// RowHistoryTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class RowHistoryTestsOnPostgres : RowHistoryTests
{
    protected override TestStore Store => TestStore.Postgres;
}
