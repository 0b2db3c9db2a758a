using Microsoft.AspNetCore.Mvc.Testing;

namespace Testimonies.Tests.Infrastructure;

/// <summary>One site on the real data/, shared by the read-only page tests (an assembly fixture).</summary>
public class SiteFixture : IDisposable
{
    private readonly Lazy<ArchiveFactory> _factory;
    private readonly Lazy<HttpClient> _client;

    public SiteFixture() : this(TestStore.Sqlite) { }

    protected SiteFixture(TestStore store)
    {
        Store = store;
        _factory = new(() => new ArchiveFactory(store: store));
        _client = new(() => _factory.Value.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
    }

    public TestStore Store { get; }

    /// <summary>The site, started on first use; on PostgreSQL without a server the test asking for it is skipped.</summary>
    public ArchiveFactory Factory
    {
        get
        {
            SkipUnlessAvailable();
            return _factory.Value;
        }
    }

    public HttpClient Client
    {
        get
        {
            SkipUnlessAvailable();
            return _client.Value;
        }
    }

    /// <summary>Another site on the same engine, for tests that need their own data.</summary>
    public ArchiveFactory NewFactory(string? dataPath = null)
    {
        SkipUnlessAvailable();
        return new ArchiveFactory(dataPath, Store);
    }

    private void SkipUnlessAvailable()
    {
        if (Store == TestStore.Postgres) PostgresServer.SkipUnlessAvailable();
    }

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Dispose();
        if (_factory.IsValueCreated) _factory.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}
