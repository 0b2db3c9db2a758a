using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.Performance;

namespace Testimonies.Tests.Postgres;

// CompressionTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class CompressionTestsOnPostgres(PostgresSiteFixture site) : CompressionTests(site);
