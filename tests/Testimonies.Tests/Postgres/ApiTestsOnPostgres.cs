using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.OpenData;

namespace Testimonies.Tests.Postgres;

// ApiTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class ApiTestsOnPostgres(PostgresSiteFixture site) : ApiTests(site);
