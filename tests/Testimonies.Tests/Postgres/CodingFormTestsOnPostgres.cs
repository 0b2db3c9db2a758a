using Testimonies.Tests.Codings;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// CodingFormTests again on a PostgreSQL server: the writer lock, the queue's and the disagreements' queries on its SQL
// (skipped without a server; .ci/run installs one).
public sealed class CodingFormTestsOnPostgres() : CodingFormTests(TestStore.Postgres);
