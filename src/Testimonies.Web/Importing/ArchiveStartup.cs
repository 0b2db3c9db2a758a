using Microsoft.Extensions.Options;
using Testimonies.Web.Search;

namespace Testimonies.Web.Importing;

/// <summary>Start-up of the store: migrate it, then load data/ into it when it is empty, under one lock.</summary>
public static class ArchiveStartup
{
    /// <summary>
    /// Migrates and loads; returns null, or the message that stops start-up (a data file's problems, an unusable server).
    /// </summary>
    public static async Task<string?> InitializeArchiveAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Testimonies.Archive");
        var options = scope.ServiceProvider.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        try
        {
            await using var startupLock = await ArchiveSetup.HoldStartupLockAsync(db, cancellationToken);
            await ArchiveSetup.MigrateAsync(db, cancellationToken);
            if (!options.LoadDataWhenEmpty) return null;
            var dataPath = ArchiveSetup.ResolveDataPath(options, app.Environment);
            var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
            var changes = await DataFolder.LoadIfEmptyAsync(db, index, dataPath, cancellationToken);
            if (changes is not null)
                logger.LogInformation("Loaded {DataPath} into the empty store: {Changes}", dataPath,
                    string.Join(", ", changes.Where(c => c.Created > 0).Select(c => $"{c.Created} {c.Table}")));
            else if (await CodingImport.RecordFirstVersionAsync(db, TimeProvider.System.GetUtcNow(), cancellationToken))
                logger.LogInformation("Recorded the reasons as version 1 of the codebook: the store had no codebook version");
            return null;
        }
        catch (ImportFailedException ex)
        {
            return ex.Message;
        }
        catch (Exception ex) when (ArchiveSetup.UnusableServer(ex) is { } message)
        {
            return message;
        }
    }
}
