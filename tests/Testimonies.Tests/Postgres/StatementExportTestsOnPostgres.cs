using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.OpenData;

namespace Testimonies.Tests.Postgres;

// StatementExportTests again on a PostgreSQL server: every test inherited, so both engines export alike
// (skipped without a server; .ci/run installs one).
public sealed class StatementExportTestsOnPostgres(PostgresSiteFixture site) : StatementExportTests(site);
