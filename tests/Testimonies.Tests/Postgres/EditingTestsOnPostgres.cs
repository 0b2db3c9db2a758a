using Testimonies.Tests.Admin;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// EditingTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class EditingTestsOnPostgres : EditingTests
{
    protected override TestStore Store => TestStore.Postgres;
}
