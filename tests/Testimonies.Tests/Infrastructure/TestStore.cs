namespace Testimonies.Tests.Infrastructure;

/// <summary>Which engine a test site stores its archive in.</summary>
public enum TestStore
{
    Sqlite,
    Postgres,
}
