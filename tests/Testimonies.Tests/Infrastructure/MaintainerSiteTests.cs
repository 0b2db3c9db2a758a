namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// Tests that change the archive: a site of their own, and a maintainer logged in to it. A subclass
/// that overrides <see cref="Store"/> runs the same tests on PostgreSQL (skipped when there is no server).
/// </summary>
public abstract class MaintainerSiteTests : IAsyncLifetime
{
    private ArchiveFactory? _factory;
    private HttpClient? _client;

    protected virtual TestStore Store => TestStore.Sqlite;

    protected ArchiveFactory Factory => _factory ?? throw SkipOrFail();
    protected HttpClient Client => _client ?? throw SkipOrFail();

    public async ValueTask InitializeAsync()
    {
        if (Store == TestStore.Postgres && !PostgresServer.IsAvailable) return; // each test skips when it asks for the site
        _factory = new ArchiveFactory(UntextedSource.DataPath, Store); // made-up words go to the untexted source
        _client = await AdminSession.LoggedInAsync(_factory);
    }

    private InvalidOperationException SkipOrFail()
    {
        if (Store == TestStore.Postgres) PostgresServer.SkipUnlessAvailable();
        return new InvalidOperationException("The site was not started.");
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _factory?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
