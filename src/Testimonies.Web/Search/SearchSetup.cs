namespace Testimonies.Web.Search;

public static class SearchSetup
{
    /// <summary>The full-text engine of the store's provider: the one place that chooses it.</summary>
    public static IFullTextEngine EngineFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresFullText(),
        _ => new SqliteFullText(),
    };

    /// <summary>The search feature: the index on the store's engine, the in-memory catalog, and the search itself.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, DatabaseProvider provider)
    {
        var engine = EngineFor(provider);
        services.AddSingleton(new SearchIndex(engine));
        services.AddSingleton(services => new SearchCatalog(services.GetRequiredService<ArchiveVersion>(), engine));
        services.AddSingleton<StatementSearch>();
        return services;
    }
}
