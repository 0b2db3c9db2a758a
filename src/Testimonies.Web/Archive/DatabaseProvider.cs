namespace Testimonies.Web.Archive;

/// <summary>The engine behind the store, chosen by "Database:Provider".</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app: the default, for one machine.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server shared by several instances of the site.</summary>
    Postgres,
}
