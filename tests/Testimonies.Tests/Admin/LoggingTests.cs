using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Admin;

/// <summary>Passwords and the bodies of uploaded files never reach the logs, even at the most detailed level.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly RecordingFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task NeitherPasswordsNorUploadedWordsAreLogged()
    {
        const string WrongPassword = "wrong-password-marker-5b1f";
        const string UploadedWords = "uploaded-body-marker-9c2e";
        var client = AdminSession.NewClient(_factory);
        await AdminSession.CreateMaintainerAsync(_factory);
        await AdminSession.LogInAsync(client, AdminSession.Email, WrongPassword);
        await AdminSession.LogInAsync(client, AdminSession.Email, AdminSession.Password);
        var csv = "id,source,position,speaker,kind,text\nlog-0001,csis-2016-ch9,150,indian-fighter,quotation," + UploadedWords + "\n";
        await AdminSession.UploadAsync(client, ("statements.csv", Encoding.UTF8.GetBytes(csv)));
        await AdminSession.UploadAsync(client,
            ("statements.csv", Encoding.UTF8.GetBytes(csv.Replace("indian-fighter", "nobody", StringComparison.Ordinal))));

        Assert.NotEmpty(_factory.Events);
        foreach (var logEvent in _factory.Events)
        {
            var text = logEvent.RenderMessage() + string.Join(" ", logEvent.Properties.Select(p => p.Value.ToString()))
                + logEvent.Exception;
            Assert.DoesNotContain(WrongPassword, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AdminSession.Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(UploadedWords, text, StringComparison.Ordinal);
        }
        // names are logged, not contents
        Assert.Contains(_factory.Events, e => e.RenderMessage().Contains("statements.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryRequestIsLoggedOnceWithItsPathAndStatusButNotItsQuery()
    {
        var client = _factory.CreateClient();
        await client.GetAsync("/search?q=query-marker-4d1a", TestContext.Current.CancellationToken);
        await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);
        var requests = _factory.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal))
            .Select(e => e.RenderMessage()).ToList();
        Assert.Single(requests, r => r.Contains("\"GET\" \"/search\" responded 200", StringComparison.Ordinal));
        // The status page's re-execution is part of the same request: one line, with the final status.
        Assert.Single(requests, r => r.Contains("\"/no-such-page\" responded 404", StringComparison.Ordinal));
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain(requests, r => r.Contains("query-marker-4d1a", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARequestItsClientGaveUpIsLoggedAs499NotAsAnError()
    {
        var catalog = _factory.Services.GetRequiredService<Testimonies.Web.Search.SearchCatalog>();
        var client = _factory.CreateClient();
        await catalog.Loading.WaitAsync(TestContext.Current.CancellationToken); // the first search waits for the catalog
        try
        {
            using var gaveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("/search", gaveUp.Token));
        }
        finally
        {
            catalog.Loading.Release();
        }

        string? line = null;
        for (var i = 0; i < 100 && line is null; i++)
        {
            line = _factory.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal))
                .Select(e => e.RenderMessage()).FirstOrDefault(r => r.Contains("\"/search\"", StringComparison.Ordinal));
            if (line is null) await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(line);
        Assert.Contains("responded 499", line, StringComparison.Ordinal);
        Assert.DoesNotContain(_factory.Events, e => e.Level >= LogEventLevel.Error);
    }

    /// <summary>Keeps every event. A sink of its own, not the factory: Serilog disposes the sinks of a logger it disposes.</summary>
    private sealed class RecordingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    private sealed class RecordingFactory : ArchiveFactory
    {
        private readonly RecordingSink _sink = new();

        public ConcurrentQueue<LogEvent> Events => _sink.Events;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Verbose");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Verbose");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Verbose");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_sink));
        }
    }
}
