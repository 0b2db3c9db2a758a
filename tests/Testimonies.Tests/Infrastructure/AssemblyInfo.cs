using Testimonies.Tests.Infrastructure;

// One site on the real data/ for every read-only page test.
[assembly: AssemblyFixture(typeof(SiteFixture))]
// The same site on PostgreSQL, for the same tests run again there (Postgres/*OnPostgres.cs).
[assembly: AssemblyFixture(typeof(PostgresSiteFixture))]

// The site's console log (Serilog) goes into each test's output: the test process's own standard
// output is xunit's channel to its runner, and stray lines there can be taken for its messages.
[assembly: CaptureConsole]

// Four test classes at a time on two cores: many tests wait (on PostgreSQL, a browser, a child process), and with one class per
// core the suite used about half the CPU.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
