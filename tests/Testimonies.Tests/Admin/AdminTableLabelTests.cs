using System.Net;
using System.Text;
using Testimonies.Tests.Infrastructure;

namespace Testimonies.Tests.Admin;

/// <summary>
/// On a phone the admin tables stack their cells and hide the heading row (admin.css): every data cell then says which
/// column it is by its data-label, or a reader of /admin sees bare dates and numbers.
/// </summary>
public class AdminTableLabelTests : MaintainerSiteTests
{
    [Fact]
    public async Task EveryCellOfEveryAdminTableNamesItsColumn()
    {
        var upload = await AdminSession.UploadAsync(Client, ("statements.csv", Encoding.UTF8.GetBytes(
            "id,source,position,speaker,kind,language,text,status\n"
            + "synthetic-51,test-untexted,151,indian-fighter,quotation,en,Synthetic words for a table test,published\n")));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        using (var reader = AdminSession.NewClient(Factory))
        {
            var report = await AdminSession.PostFormAsync(reader, "/s/csis16-03/report", new()
            {
                [Testimonies.Web.Reports.ProblemReports.KindField] = "words",
                [Testimonies.Web.Reports.ProblemReports.DescriptionField] = "Synthetic report for a table test.",
                [Testimonies.Web.Pages.Reports.NewModel.HoneypotField] = "",
            });
            Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        }

        var tables = 0;
        foreach (var url in AdminAccessTests.AdminUrls.Where(u => u is not ("/admin/logout" or "/admin/import/template/statements.csv")))
        {
            var (response, page) = await Html.GetAsync(Client, url);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            // The data format's tables stay tables on a phone (admin.css).
            foreach (var table in page.QuerySelectorAll("main table:not(.keep-table)").Where(t => t.Closest(".data-format") is null))
            {
                tables++;
                var bare = table.QuerySelectorAll("td").Where(td => string.IsNullOrWhiteSpace(td.GetAttribute("data-label"))).ToList();
                Assert.True(bare.Count == 0,
                    $"{url}: {bare.Count} cells without a data-label, the first: {bare.FirstOrDefault()?.OuterHtml}");
            }
        }
        Assert.True(tables >= 8, $"only {tables} tables were checked");
    }
}
