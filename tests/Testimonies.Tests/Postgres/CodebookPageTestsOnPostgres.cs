using Testimonies.Tests.Codebook;

namespace Testimonies.Tests.Postgres;

// CodebookPageTests again on a PostgreSQL server (skipped without one; .ci/run installs one).
public sealed class CodebookPageTestsOnPostgres(CodebookSiteOnPostgres site)
    : CodebookPageTests(site), IClassFixture<CodebookSiteOnPostgres>;
