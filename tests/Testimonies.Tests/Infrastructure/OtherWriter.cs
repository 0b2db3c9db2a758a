using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Web.Archive;

namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// Another writer in the middle of an import, as a second process or instance would be: a connection of its own to the
/// site's database, in a transaction that has begun writing (the version bumped first, as every import does), until disposed.
/// </summary>
public sealed class OtherWriter : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly IDbContextTransaction _transaction;

    private OtherWriter(AsyncServiceScope scope, IDbContextTransaction transaction) => (_scope, _transaction) = (scope, transaction);

    public static async Task<OtherWriter> BeginAsync(ArchiveFactory factory)
    {
        var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await db.BumpVersionAsync(TestContext.Current.CancellationToken);
        return new OtherWriter(scope, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync(CancellationToken.None);
        await _transaction.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
