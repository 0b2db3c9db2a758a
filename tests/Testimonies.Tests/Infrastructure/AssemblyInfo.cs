using Testimonies.Tests.Infrastructure;

// One site on the real data/ for every read-only page test.
[assembly: AssemblyFixture(typeof(SiteFixture))]
