namespace Testimonies.Web.Archive;

/// <summary>Which engine holds the store, bound from the "Database" section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    // A string, not the enum: the binder would reject "Oracle" with its own exception instead of our message (Engine).
    /// <summary>Sqlite (one file beside the app) or Postgres (several instances on one server); anything else stops start-up.</summary>
    public string? Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>The engine Provider names: empty means Sqlite; an unknown name stops start-up with a clear message.</summary>
    public DatabaseProvider Engine()
    {
        if (string.IsNullOrWhiteSpace(Provider)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(Provider.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new ArchiveConfigurationException($"Database:Provider is \"{Provider}\"; use Sqlite or Postgres.");
    }
}
