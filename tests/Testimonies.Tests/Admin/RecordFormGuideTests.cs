using System.Net;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Admin;

/// <summary>The edit forms speak to people: labels, hints from the data format, pickers, and a permanent id that stays.</summary>
public class RecordFormGuideTests : MaintainerSiteTests
{
    private const string Statement = "/admin/statements/csis16-04";

    [Fact]
    public async Task FieldsHaveHumanLabelsAndHintsFromTheDataFormat()
    {
        var (_, page) = await Html.GetAsync(Client, Statement);
        Assert.StartsWith("Said when", page.QuerySelector("label[for=field-said_when]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Permanent id (required)", page.QuerySelector("label[for=field-id]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("as the source puts it", page.QuerySelector("#field-said_when-help")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Reasons", page.QuerySelector("fieldset legend")!.TextContent);
    }

    [Fact]
    public async Task SpeakerAndSourceArePickedFromTheArchiveAndReasonsAreCheckboxes()
    {
        var (_, page) = await Html.GetAsync(Client, Statement);
        var speaker = page.QuerySelector("select#field-speaker")!;
        Assert.True(speaker.QuerySelectorAll("option").Length > 1);
        Assert.NotNull(speaker.QuerySelector("option[selected]"));
        var source = page.QuerySelector("select#field-source")!;
        Assert.Equal("csis-2016-ch9", source.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.NotEmpty(page.QuerySelectorAll("input[type=checkbox][name=reasons]"));
    }

    [Fact]
    public async Task ThePermanentIdIsLockedAndAPostThatChangesItIsRefused()
    {
        var (_, page) = await Html.GetAsync(Client, Statement);
        var id = page.QuerySelector("input#field-id")!;
        Assert.True(id.HasAttribute("readonly"));
        Assert.Contains("Locked", page.QuerySelector("#field-id-locked")!.TextContent, StringComparison.Ordinal);

        var response = await RecordForm.SaveAsync(Client, Statement, new() { ["id"] = "csis16-99", ["said_when"] = "Synthetic 2014" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var refused = await Html.ParseAsync(response);
        Assert.Contains("never changes", refused.QuerySelector("#field-id-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/s/csis16-99", TestContext.Current.CancellationToken)).StatusCode);
        var (_, again) = await Html.GetAsync(Client, Statement);
        Assert.NotEqual("Synthetic 2014", again.QuerySelector("#field-said_when")!.GetAttribute("value"));
    }
}
