using Testimonies.Tests.Concurrency;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// CatalogReloadTests again on a PostgreSQL server (skipped without one; .ci/run installs one).
public sealed class CatalogReloadTestsOnPostgres : CatalogReloadTests
{
    protected override TestStore Store => TestStore.Postgres;
}
