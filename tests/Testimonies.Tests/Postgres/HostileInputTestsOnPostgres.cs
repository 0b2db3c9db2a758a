using Testimonies.Tests.Hostile;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// HostileInputTests again on a PostgreSQL server (skipped without a server).
public sealed class HostileInputTestsOnPostgres : HostileInputTests
{
    protected override TestStore Store => TestStore.Postgres;
}
