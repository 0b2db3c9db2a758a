using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// InputProblemTests again on a PostgreSQL server (skipped without a server).
public sealed class InputProblemTestsOnPostgres : InputProblemTests
{
    protected override TestStore Store => TestStore.Postgres;
}
