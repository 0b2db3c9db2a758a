using Testimonies.Tests.Citations;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// LocatorTests again on a PostgreSQL server: every test inherited, so both engines locate the words alike
// (skipped without a server; .ci/run installs one).
public sealed class LocatorTestsOnPostgres(PostgresSiteFixture site) : LocatorTests(site);
