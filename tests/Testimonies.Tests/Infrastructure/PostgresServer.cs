using Npgsql;

namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// The local PostgreSQL server the tests use when there is one: TESTIMONIES_TEST_POSTGRES if set (a
/// connection string to a role that may create databases), else the local socket as the current user
/// (what .ci/run sets up), else localhost. Each test site gets a database of its own, dropped after.
/// </summary>
public static class PostgresServer
{
    public const string SkipMessage = "skipped: PostgreSQL not available";

    private static readonly Lazy<string?> Server = new(Find);

    public static bool IsAvailable => Server.Value is not null;

    /// <summary>
    /// Skips the running test when there is no server, locally; where TESTIMONIES_REQUIRE_POSTGRES is set
    /// (.ci/run, which installs one) a missing server fails the test instead.
    /// </summary>
    public static void SkipUnlessAvailable()
    {
        if (IsAvailable) return;
        if (Environment.GetEnvironmentVariable("TESTIMONIES_REQUIRE_POSTGRES") is { Length: > 0 })
            Assert.Fail("PostgreSQL is required here (TESTIMONIES_REQUIRE_POSTGRES) but no server answered on the local socket or "
                + "localhost.");
        Assert.Skip(SkipMessage);
    }

    private static string? Find()
    {
        var candidates = Environment.GetEnvironmentVariable("TESTIMONIES_TEST_POSTGRES") is { Length: > 0 } configured
            ? [configured]
            : new[] { "Host=/var/run/postgresql;Database=postgres", "Host=localhost;Database=postgres" };
        foreach (var candidate in candidates)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(candidate) { Timeout = 3, Pooling = false };
                using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Open();
                return builder.ConnectionString;
            }
            catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException or IOException)
            {
                // try the next one; none: the tests that need a server skip
            }
        }
        return null;
    }

    /// <summary>Creates an empty database and returns the connection string for it.</summary>
    public static string CreateDatabase()
    {
        SkipUnlessAvailable();
        var name = $"testimonies_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8';");
        return new NpgsqlConnectionStringBuilder(Server.Value) { Database = name, Pooling = true }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Server.Value);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
