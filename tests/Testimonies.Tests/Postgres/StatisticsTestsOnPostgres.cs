using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Statistics;

namespace Testimonies.Tests.Postgres;

// StatisticsTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class StatisticsTestsOnPostgres(PostgresSiteFixture site) : StatisticsTests(site);
