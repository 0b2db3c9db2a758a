using Testimonies.Tests.Deployment;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// PublicDeploymentTests again on a PostgreSQL server (skipped without a server; .ci/run installs one).
public sealed class PublicDeploymentTestsOnPostgres : PublicDeploymentTests
{
    protected override TestStore Store => TestStore.Postgres;
}
