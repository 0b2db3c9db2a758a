using Testimonies.Tests.Admin;
using Testimonies.Tests.Citations;
using Testimonies.Tests.Importing;
using Testimonies.Tests.Infrastructure;
using Testimonies.Tests.OpenData;
using Testimonies.Tests.Pages;
using Testimonies.Tests.Performance;
using Testimonies.Tests.Search;
using Testimonies.Tests.Statistics;

namespace Testimonies.Tests.Postgres;

// The integration tests again, on a PostgreSQL server ("Database:Provider": "Postgres"): each class
// inherits every test of its SQLite original, so the two engines answer the same questions the same
// way. Without a local server they report "skipped: PostgreSQL not available"; .ci/run installs one.

public sealed class StatementPageTestsOnPostgres(PostgresSiteFixture site) : StatementPageTests(site);

public sealed class BrowsePageTestsOnPostgres(PostgresSiteFixture site) : BrowsePageTests(site);

public sealed class SearchPageTestsOnPostgres(PostgresSiteFixture site) : SearchPageTests(site);

public sealed class CitationPageTestsOnPostgres(PostgresSiteFixture site) : CitationPageTests(site);

public sealed class CitationDownloadTestsOnPostgres(PostgresSiteFixture site) : CitationDownloadTests(site);

public sealed class MetadataTestsOnPostgres(PostgresSiteFixture site) : MetadataTests(site);

public sealed class SharingTestsOnPostgres(PostgresSiteFixture site) : SharingTests(site);

public sealed class TextFragmentTestsOnPostgres(PostgresSiteFixture site) : TextFragmentTests(site);

public sealed class StatisticsTestsOnPostgres(PostgresSiteFixture site) : StatisticsTests(site);

public sealed class ApiTestsOnPostgres(PostgresSiteFixture site) : ApiTests(site);

public sealed class DatasetTestsOnPostgres(PostgresSiteFixture site) : DatasetTests(site);

public sealed class CompressionTestsOnPostgres(PostgresSiteFixture site) : CompressionTests(site);

public sealed class SearchIndexTestsOnPostgres : SearchIndexTests
{
    protected override TestStore Store => TestStore.Postgres;
}

public sealed class ImportTestsOnPostgres : ImportTests
{
    protected override TestStore Store => TestStore.Postgres;
}

public sealed class ImportPageTestsOnPostgres : ImportPageTests
{
    protected override TestStore Store => TestStore.Postgres;
}

public sealed class EditingTestsOnPostgres : EditingTests
{
    protected override TestStore Store => TestStore.Postgres;
}

public sealed class RowHistoryTestsOnPostgres : RowHistoryTests
{
    protected override TestStore Store => TestStore.Postgres;
}

public sealed class EncodingTestsOnPostgres() : EncodingTests(TestStore.Postgres);

public sealed class ListPagingTestsOnPostgres() : ListPagingTests(TestStore.Postgres);

public sealed class AdminAccessTestsOnPostgres() : AdminAccessTests(TestStore.Postgres);

public sealed class CommandTestsOnPostgres() : CommandTests(TestStore.Postgres);
