using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Testimonies.Tests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return (response, await ParseAsync(response));
    }

    /// <summary>
    /// A form's fields as the page fills them: inputs (checkboxes apart: each caller says how it sends them), text areas and
    /// selects, without the antiforgery token (AdminSession.PostFormAsync adds the session's).
    /// </summary>
    public static Dictionary<string, string> FormFields(AngleSharp.Dom.IElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]:not([type=checkbox]), textarea[name]"))
            fields[input.GetAttribute("name")!] = input is IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value") ?? "";
        foreach (var select in form.QuerySelectorAll("select[name]").Cast<IHtmlSelectElement>())
            fields[select.Name!] = select.Value ?? "";
        fields.Remove("__RequestVerificationToken");
        return fields;
    }
}
