namespace Testimonies.Web.Importing;

/// <summary>
/// One import (or preview) at a time: SQLite has one writer, and a second import would otherwise wait on
/// a lock and fail with a database error. A second maintainer is told to wait instead.
/// </summary>
public sealed class ImportGate : IDisposable
{
    public const string BusyMessage = "Another import is being previewed or applied right now. " +
        "Wait a moment, then try again; nothing was written.";

    private readonly SemaphoreSlim _writer = new(1, 1);

    public bool TryEnter() => _writer.Wait(TimeSpan.Zero);

    public void Exit() => _writer.Release();

    public void Dispose() => _writer.Dispose();
}
