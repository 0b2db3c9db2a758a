using Testimonies.Tests.Concurrency;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// WriterTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class WriterTestsOnPostgres : WriterTests
{
    protected override TestStore Store => TestStore.Postgres;
}
