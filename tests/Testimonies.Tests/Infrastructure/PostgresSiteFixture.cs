namespace Testimonies.Tests.Infrastructure;

/// <summary>The same site on PostgreSQL: the read-only page tests run again against it (Postgres/*OnPostgres.cs).</summary>
public sealed class PostgresSiteFixture : SiteFixture
{
    public PostgresSiteFixture() : base(TestStore.Postgres) { }
}
