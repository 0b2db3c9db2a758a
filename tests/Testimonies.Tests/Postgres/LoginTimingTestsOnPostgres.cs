using Testimonies.Tests.Admin;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// LoginTimingTests again on a PostgreSQL server (skipped without a server; .ci/run installs one).
public sealed class LoginTimingTestsOnPostgres : LoginTimingTests
{
    protected override TestStore Store => TestStore.Postgres;
}
