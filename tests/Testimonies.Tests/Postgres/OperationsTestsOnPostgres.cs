using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Operations;

namespace Testimonies.Tests.Postgres;

// OperationsTests again on a PostgreSQL server: readiness and verify alike, backup refused with the pg_dump advice.
public sealed class OperationsTestsOnPostgres() : OperationsTests(TestStore.Postgres);
