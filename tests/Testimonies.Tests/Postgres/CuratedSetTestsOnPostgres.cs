using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Sets;

namespace Testimonies.Tests.Postgres;

// CuratedSetTests again on a PostgreSQL server: the curated sets' store, its stale-save check and the sets' reads answer alike on
// both engines (skipped without a server; .ci/run installs one).
public sealed class CuratedSetTestsOnPostgres : CuratedSetTests
{
    protected override TestStore Store => TestStore.Postgres;
}
