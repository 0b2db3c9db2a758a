using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Versions;

namespace Testimonies.Tests.Postgres;

// StatementVersionTests again on a PostgreSQL server: the version store and its SQL on both engines
// (skipped without a server; .ci/run installs one).
public sealed class StatementVersionTestsOnPostgres : StatementVersionTests
{
    protected override TestStore Store => TestStore.Postgres;
}
