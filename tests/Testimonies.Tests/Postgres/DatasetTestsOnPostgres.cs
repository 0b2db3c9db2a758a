using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.OpenData;

namespace Testimonies.Tests.Postgres;

// DatasetTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class DatasetTestsOnPostgres(PostgresSiteFixture site) : DatasetTests(site);
