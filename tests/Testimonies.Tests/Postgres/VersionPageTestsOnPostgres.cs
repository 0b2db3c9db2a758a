using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Versions;

namespace Testimonies.Tests.Postgres;

// VersionPageTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class VersionPageTestsOnPostgres : VersionPageTests
{
    protected override TestStore Store => TestStore.Postgres;
}
