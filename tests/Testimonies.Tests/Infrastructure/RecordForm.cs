namespace Testimonies.Tests.Infrastructure;

/// <summary>A maintainer's record form (/admin/{table}/{key}) as the page fills it, some fields changed, and saving it.</summary>
public static class RecordForm
{
    public static async Task<Dictionary<string, string>> ReadAsync(HttpClient client, string url, Dictionary<string, string> changes)
    {
        var (_, document) = await Html.GetAsync(client, url);
        var form = document.QuerySelector("form.record-form")!;
        var fields = Html.FormFields(form);
        var reasons = form.QuerySelectorAll("input[type=checkbox][name=reasons]").Where(c => c.HasAttribute("checked"))
            .Select(c => c.GetAttribute("value")!);
        fields["reasons"] = string.Join(";", reasons); // the page reads several checkbox values; one joined value reads the same
        foreach (var (key, value) in changes) fields[key] = value;
        return fields;
    }

    public static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string url, Dictionary<string, string> changes) =>
        await AdminSession.PostFormAsync(client, url, await ReadAsync(client, url, changes));
}
