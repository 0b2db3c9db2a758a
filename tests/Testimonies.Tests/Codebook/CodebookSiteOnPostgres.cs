using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Codebook;

/// <summary>The same seeded site on PostgreSQL.</summary>
public sealed class CodebookSiteOnPostgres : CodebookSite
{
    public CodebookSiteOnPostgres() : base(TestStore.Postgres) { }
}
