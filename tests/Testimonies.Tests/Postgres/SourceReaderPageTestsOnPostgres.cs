using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Pages;

namespace Testimonies.Tests.Postgres;

// SourceReaderPageTests again on a PostgreSQL server: every test inherited, so both engines answer alike (skipped without a server).
public sealed class SourceReaderPageTestsOnPostgres(PostgresSiteFixture site) : SourceReaderPageTests(site);
