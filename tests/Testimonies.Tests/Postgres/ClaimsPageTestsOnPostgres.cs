using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Pages;

namespace Testimonies.Tests.Postgres;

// ClaimsPageTests again on a PostgreSQL server (the home page's persons and groups come from the search catalog, which reads
// IsGroup as PostgreSQL's boolean); skipped without a server.
public sealed class ClaimsPageTestsOnPostgres(PostgresSiteFixture site) : ClaimsPageTests(site);
