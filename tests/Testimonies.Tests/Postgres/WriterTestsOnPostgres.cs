using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Tests.Concurrency;
using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Archive;
using Testimonies.Web.Importing;

namespace Testimonies.Tests.Postgres;

// WriterTests again on a PostgreSQL server: every test inherited, so both engines answer alike
// (skipped without a server; .ci/run installs one).
public sealed class WriterTestsOnPostgres : WriterTests
{
    protected override TestStore Store => TestStore.Postgres;

    // Regression: the load benchmark's 100,000-row preview on a busy machine crashed when its full-text rebuild
    // ran past Npgsql's default 30 s command timeout.
    [Fact]
    public async Task AnImportsStatementsMayRunLongerThanNpgsqlsDefaultTimeout()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        using var gate = new ImportGate();
        await using var writer = await gate.BeginAsync(db, TestContext.Current.CancellationToken);
        Assert.NotNull(writer);
        Assert.True(db.Database.GetCommandTimeout() >= 600, $"command timeout {db.Database.GetCommandTimeout()}");
    }
}
