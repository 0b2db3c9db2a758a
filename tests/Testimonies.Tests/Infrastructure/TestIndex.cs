using Testimonies.Web.Archive;
using Testimonies.Web.Search;

namespace Testimonies.Tests.Infrastructure;

/// <summary>The full-text index of a test's own store, for code the tests call without the site's services.</summary>
public static class TestIndex
{
    public static SearchIndex For(ArchiveDbContext db) =>
        new(SearchSetup.EngineFor(db.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite));
}
