using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Pages;

namespace Testimonies.Tests.Postgres;

// BrowsePageTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class BrowsePageTestsOnPostgres(PostgresSiteFixture site) : BrowsePageTests(site);
