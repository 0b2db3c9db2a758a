using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Search;

namespace Testimonies.Tests.Postgres;

// SearchPageTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class SearchPageTestsOnPostgres(PostgresSiteFixture site) : SearchPageTests(site);
