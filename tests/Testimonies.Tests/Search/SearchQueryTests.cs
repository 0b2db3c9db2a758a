using Testimonies.Web.Search;

namespace Testimonies.Tests.Search;

/// <summary>
/// The one function that understands what people type (SearchQuery.Parse), as each engine writes it: FTS5 MATCH
/// expressions and PostgreSQL tsquery text. Its edge cases, pinned.
/// </summary>
public class SearchQueryTests
{
    private static MatchExpressions Fts(string input) => new SqliteFullText().Expressions(SearchQuery.Parse(input));

    private static MatchExpressions TsQuery(string input) => new PostgresFullText().Expressions(SearchQuery.Parse(input));

    [Theory]
    // input, stemmed MATCH, exact MATCH, stemmed exclusions, exact exclusions
    [InlineData("fight", "\"fight\"", null, null, null)]
    [InlineData("fighting Muslims", "\"fighting\" AND \"Muslims\"", null, null, null)]
    [InlineData("\"killing other Muslims\"", null, "\"killing other Muslims\"", null, null)]
    [InlineData("“killing other Muslims”", null, "\"killing other Muslims\"", null, null)]
    [InlineData("disillusion*", null, "\"disillusion\"*", null, null)]
    [InlineData("racism OR toilets", "(\"racism\" OR \"toilets\")", null, null, null)]
    [InlineData("jihad -slaughter", "\"jihad\"", null, "\"slaughter\"", null)]
    [InlineData("jihad -\"not jihad\"", "\"jihad\"", null, null, "\"not jihad\"")]
    [InlineData("fight \"other Muslims\" cannon*", "\"fight\"", "\"other Muslims\" AND \"cannon\"*", null, null)]
    [InlineData("\"other Muslims\" OR slaughter", "(\"other Muslims\" OR \"slaughter\")", null, null, null)]
    [InlineData("al-Nusrah", null, "\"al Nusrah\"", null, null)]
    [InlineData("didn’t", null, "\"didn t\"", null, null)]
    [InlineData("\"jihad\"", "\"jihad\"", null, null, null)]
    [InlineData("جهاد", "\"جهاد\"", null, null, null)]
    [InlineData("a AND b", "\"a\" AND \"b\"", null, null, null)]
    public void TranslatesToQuotedFts5(string input, string? stemmed, string? exact, string? stemmedExcluded, string? exactExcluded)
    {
        var query = Fts(input);
        Assert.Equal(stemmed, query.Stemmed);
        Assert.Equal(exact, query.Exact);
        Assert.Equal(stemmedExcluded, query.StemmedExcluded);
        Assert.Equal(exactExcluded, query.ExactExcluded);
        Assert.Empty(SearchQuery.Parse(input).Notes);
    }

    [Theory]
    // input, stemmed tsquery, exact tsquery, stemmed exclusions, exact exclusions
    [InlineData("fight", "'fight'", null, null, null)]
    [InlineData("fighting Muslims", "'fighting' & 'Muslims'", null, null, null)]
    [InlineData("\"killing other Muslims\"", null, "('killing' <-> 'other' <-> 'Muslims')", null, null)]
    [InlineData("disillusion*", null, "'disillusion':*", null, null)]
    [InlineData("racism OR toilets", "('racism' | 'toilets')", null, null, null)]
    [InlineData("jihad -slaughter", "'jihad'", null, "'slaughter'", null)]
    [InlineData("jihad -\"not jihad\" -sy*", "'jihad'", null, null, "('not' <-> 'jihad') | 'sy':*")]
    [InlineData("fight \"other Muslims\" cannon*", "'fight'", "('other' <-> 'Muslims') & 'cannon':*", null, null)]
    [InlineData("\"other Muslims\" OR slaughter", "(('other' <-> 'Muslims') | 'slaughter')", null, null, null)]
    [InlineData("didn’t", null, "('didn' <-> 't')", null, null)]
    [InlineData("جهاد", "'جهاد'", null, null, null)]
    public void TranslatesToQuotedTsQuery(string input, string? stemmed, string? exact, string? stemmedExcluded, string? exactExcluded)
    {
        var query = TsQuery(input);
        Assert.Equal(stemmed, query.Stemmed);
        Assert.Equal(exact, query.Exact);
        Assert.Equal(stemmedExcluded, query.StemmedExcluded);
        Assert.Equal(exactExcluded, query.ExactExcluded);
    }

    [Theory]
    [InlineData("'a' | 'b'")]
    [InlineData("x' & !'y")]
    [InlineData("\\' <-> ")]
    [InlineData("a:* b:A !c")]
    [InlineData("it's o'clock")]
    public void NoInputCanCloseAQuoteInTheTsQuery(string input)
    {
        var ts = TsQuery(input);
        foreach (var expression in new[] { ts.Stemmed, ts.Exact, ts.StemmedExcluded, ts.ExactExcluded, ts.AnyTermStemmed, ts.AnyTermExact })
        {
            if (expression is null) continue;
            var quoted = System.Text.RegularExpressions.Regex.Matches(expression, "'([^']*)'");
            Assert.All(quoted, m => Assert.Matches(@"^[\p{L}\p{N}\p{M}]+$", m.Groups[1].Value));
            var outside = System.Text.RegularExpressions.Regex.Replace(expression, "'[^']*'", "");
            Assert.Matches(@"^[ ()|&:*<\->]*$", outside);
        }
    }

    [Theory]
    [InlineData("\"unclosed phrase", "was not closed", "\"unclosed phrase\"")]
    [InlineData("OR jihad", "OR needs a term on each side", "\"jihad\"")]
    [InlineData("jihad OR", "OR needs a term on each side", "\"jihad\"")]
    [InlineData("jihad OR OR slaughter", "OR needs a term on each side", "(\"jihad\" OR \"slaughter\")")]
    [InlineData("NEAR(jihad slaughter)", "NEAR is not supported", "\"jihad\" AND \"slaughter\"")]
    [InlineData("text:jihad", "Searching within one field (text:)", "\"jihad\"")]
    [InlineData("j* jihad", "too short", "\"j\" AND \"jihad\"")]
    [InlineData("jihad 😀", "were ignored: 😀", "\"jihad\"")]
    [InlineData("jihad\u0000\u0007", "", "\"jihad\"")]
    [InlineData("{jihad}^ ~slaughter", "were ignored", "\"jihad\" AND \"slaughter\"")]
    public void ExplainsWhatItCouldNotUnderstand(string input, string note, string searched)
    {
        var query = SearchQuery.Parse(input);
        Assert.Equal(searched, Fts(input).Stemmed ?? Fts(input).Exact);
        if (note.Length > 0) Assert.Contains(query.Notes, n => n.Contains(note, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("OR")]
    [InlineData("\"\"")]
    [InlineData("😀😀")]
    [InlineData("***")]
    public void NothingSearchableMeansNoMatchExpressionAtAll(string input)
    {
        var query = SearchQuery.Parse(input);
        Assert.True(query.IsEmpty);
        Assert.Null(Fts(input).Stemmed);
        Assert.Null(Fts(input).Exact);
        Assert.Null(Fts(input).AnyTermStemmed);
    }

    [Fact]
    public void TenThousandCharactersAreCutAndSaidSo()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("jihad", 2000)));
        Assert.Contains(query.Notes, n => n.Contains("longer than 500", StringComparison.Ordinal));
        Assert.Contains(query.Notes, n => n.Contains($"first {SearchQuery.MaxTerms} terms", StringComparison.Ordinal));
        Assert.Equal(SearchQuery.MaxTerms, query.Clauses.Count);
    }

    [Fact]
    public void ExclusionsAloneAreAllowed()
    {
        var query = SearchQuery.Parse("-slaughter");
        Assert.False(query.IsEmpty);
        Assert.Null(Fts("-slaughter").Stemmed);
        Assert.Equal("\"slaughter\"", Fts("-slaughter").StemmedExcluded);
        Assert.Null(Fts("-slaughter").AnyTermStemmed);
    }

    [Theory]
    [InlineData("\"a\"\"b\"")]
    [InlineData("x\" OR \"y")]
    [InlineData("\" NOT \"")]
    [InlineData("\"x\"* ^\"y\"")]
    [InlineData("rowid:1 OR rank MATCH")]
    public void NoInputCanCloseAQuoteInTheMatchExpression(string input)
    {
        var query = Fts(input);
        foreach (var expression in new[] { query.Stemmed, query.Exact, query.StemmedExcluded, query.ExactExcluded, query.AnyTermStemmed })
        {
            if (expression is null) continue;
            // Every quoted string holds only letters, digits and spaces.
            var quoted = System.Text.RegularExpressions.Regex.Matches(expression, "\"([^\"]*)\"");
            Assert.All(quoted, m => Assert.Matches(@"^[\p{L}\p{N}\p{M} ]+$", m.Groups[1].Value));
            var outside = System.Text.RegularExpressions.Regex.Replace(expression, "\"[^\"]*\"", "");
            Assert.Matches(@"^[ ()*ORAND]*$", outside);
        }
    }

    [Fact]
    public void TheUnderstoodQueryIsShownInTheSameLanguage()
    {
        var query = SearchQuery.Parse("fight  \"other   Muslims\" racism OR toilets -slaughter cannon*");
        // Canonical form: what must match first, exclusions last.
        Assert.Equal("fight \"other Muslims\" racism OR toilets cannon* -slaughter", query.Text);
    }
}
