using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.OpenData;

namespace Testimonies.Tests.Postgres;

// FormulaCellTests again on a PostgreSQL server (skipped without a server; .ci/run installs one).
public sealed class FormulaCellTestsOnPostgres : FormulaCellTests
{
    protected override TestStore Store => TestStore.Postgres;
}
