using Testimonies.Tests.Citations;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// SharingTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class SharingTestsOnPostgres(PostgresSiteFixture site) : SharingTests(site);
