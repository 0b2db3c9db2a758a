using Testimonies.Tests.Infrastructure;
using Testimonies.Web.Search;

namespace Testimonies.Tests.OpenData;

/// <summary>The open data's columns and the search's facets are documented where readers look for them.</summary>
public class OpenDataDocumentationTests
{
    [Fact]
    public void EveryColumnOfTheStatementCsvIsDocumented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "open-data.md"));
        foreach (var column in StatementExportRow.Columns) Assert.Contains($"`{column}`", doc, StringComparison.Ordinal);
        var search = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "search.md"));
        foreach (var column in StatementExportRow.Columns) Assert.Contains($"`{column}`", search, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFacetIsDocumentedWithItsUrlParameter()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Docs, "search.md"));
        foreach (var facet in Facets.All) Assert.Contains($"`{facet.Key}`", doc, StringComparison.Ordinal);
        foreach (var slug in Testimonies.Web.Archive.Names.Provenances.Slugs) Assert.Contains($"`{slug}`", doc, StringComparison.Ordinal);
    }
}
