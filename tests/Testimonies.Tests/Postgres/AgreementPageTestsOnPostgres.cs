using Testimonies.Tests.Agreement;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Postgres;

// AgreementPageTests again on a PostgreSQL server: the report's one query and the seeded codings on the other engine
// (skipped without a server; .ci/run installs one).
public sealed class AgreementPageTestsOnPostgres(PostgresSiteFixture site) : AgreementPageTests(site);
