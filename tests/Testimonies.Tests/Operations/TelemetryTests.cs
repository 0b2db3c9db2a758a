using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Operations;

/// <summary>Metrics when an exporter is configured, compact JSON logs, and settings of either that cannot work.</summary>
public sealed class TelemetryTests
{
    /// <summary>The site with metrics on, exported to a port of localhost where nothing listens (no request leaves the machine).</summary>
    private sealed class MeasuredFactory : ArchiveFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Telemetry:Exporter", "otlp");
            builder.UseSetting("Telemetry:OtlpEndpoint", "http://127.0.0.1:9");
        }
    }

    [Fact]
    public async Task WithAnExporterOutputCacheLookupsAreCountedAndSearchesTimed()
    {
        using var factory = new MeasuredFactory();
        var client = factory.CreateClient();
        Assert.Equal("CountingOutputCacheStore", factory.Services.GetRequiredService<IOutputCacheStore>().GetType().Name);

        var measured = new ConcurrentBag<(string Instrument, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ArchiveMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
            measured.Add((instrument.Name, string.Join(',', tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
            measured.Add((instrument.Name, string.Join(',', tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        for (var i = 0; i < 3; i++) // kept at the second request, served from the cache at the third
            (await client.GetAsync("/search?q=telemetry-marker", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        Assert.Contains(("testimonies.output_cache.lookups", "result=miss"), measured);
        Assert.Contains(("testimonies.output_cache.lookups", "result=hit"), measured);
        Assert.Contains(("testimonies.search.duration", "remembered=False"), measured);
    }

    [Fact]
    public async Task WithoutAnExporterNothingIsRegistered()
    {
        using var factory = new ArchiveFactory();
        _ = factory.Server;
        Assert.NotEqual("CountingOutputCacheStore", factory.Services.GetRequiredService<IOutputCacheStore>().GetType().Name);
        Assert.Null(factory.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("Telemetry__Exporter", "prometheus", "Telemetry:Exporter is “prometheus”; it must be one of none, console, otlp.")]
    [InlineData("Logs__Format", "xml", "Logs:Format is “xml”; it must be text or json.")]
    public async Task ASettingThatCannotWorkStopsStartUpWithItsMessage(string variable, string value, string message)
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-settings-");
        try
        {
            using var process = ChildProcess.StartSite(new Dictionary<string, string>
            {
                ["ConnectionStrings__Testimonies"] = $"Data Source={Path.Combine(folder.FullName, "archive.db")}",
                [variable] = value,
            });
            var (exitCode, _, error) = await ChildProcess.RunToExitAsync(process, TimeSpan.FromSeconds(60));
            Assert.Equal(1, exitCode);
            Assert.Equal(message, error.Trim());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task JsonLogsAreOneObjectALineWithEachRequestsStatusAndTime()
    {
        var folder = Directory.CreateTempSubdirectory("testimonies-logs-");
        using var process = ChildProcess.StartSite(new Dictionary<string, string>
        {
            ["ConnectionStrings__Testimonies"] = $"Data Source={Path.Combine(folder.FullName, "archive.db")}",
            ["Logs__Format"] = "json",
        });
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(1));
            async Task<JsonElement> NextAsync(Func<JsonElement, bool> wanted)
            {
                while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    using var parsed = JsonDocument.Parse(line); // every line is one JSON object, or this throws
                    Assert.True(parsed.RootElement.TryGetProperty("@t", out _), line);
                    if (wanted(parsed.RootElement)) return parsed.RootElement.Clone();
                }
                throw new InvalidOperationException("the site stopped writing");
            }
            var listening = await NextAsync(e => e.TryGetProperty("address", out _));
            using var client = new HttpClient { BaseAddress = new Uri(listening.GetProperty("address").GetString()!) };
            (await client.GetAsync("/healthz", timeout.Token)).EnsureSuccessStatusCode();
            var request = await NextAsync(e => e.TryGetProperty("RequestPath", out var path) && path.GetString() == "/healthz");
            Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
            Assert.True(request.GetProperty("Elapsed").GetDouble() > 0);
            Assert.Equal("Information", request.GetProperty("@l").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            folder.Delete(recursive: true);
        }
    }
}
