using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// The first line of every command a context sends (queries, scalars and non-queries, synchronous or not), in order, and how
/// many of them: for tests that count a page's queries or check the order of an import's commands.
/// </summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private int _beyondVersionChecks;

    private int _mostParameters;

    public int Count => _commands.Count;

    /// <summary>The most parameters one command has carried since the last reset.</summary>
    public int MostParameters => Volatile.Read(ref _mostParameters);

    /// <summary>
    /// Commands other than the archive version's check, which ArchiveVersion repeats at most once a second (ArchiveVersion.MaxAge):
    /// a cached answer may still cost one when the machine is slow enough for a second to pass between two requests.
    /// </summary>
    public int BeyondVersionChecks => Volatile.Read(ref _beyondVersionChecks);

    /// <summary>The first line of each command sent since the last reset.</summary>
    public List<string> Commands => [.. _commands];

    public void Reset()
    {
        _commands.Clear();
        Interlocked.Exchange(ref _beyondVersionChecks, 0);
        Interlocked.Exchange(ref _mostParameters, 0);
    }

    private void Logged(DbCommand command)
    {
        var text = command.CommandText.Trim();
        if (!text.Contains("FROM \"ArchiveState\"", StringComparison.Ordinal) || !text.StartsWith("SELECT", StringComparison.Ordinal))
            Interlocked.Increment(ref _beyondVersionChecks);
        _commands.Enqueue(text.Split('\n')[0]);
        for (int most = MostParameters; command.Parameters.Count > most; most = MostParameters)
            if (Interlocked.CompareExchange(ref _mostParameters, command.Parameters.Count, most) == most) break;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Logged(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Logged(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result)
    {
        Logged(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Logged(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result)
    {
        Logged(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Logged(command);
        return ValueTask.FromResult(result);
    }
}
