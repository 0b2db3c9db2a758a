using Microsoft.AspNetCore.Http;
using Testimonies.Web.Rendering;

namespace Testimonies.Tests.Rendering;

public class ClassroomDisplayTests
{
    private static HttpRequest Request(string query, string? cookie)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        if (cookie is not null) context.Request.Headers.Cookie = cookie;
        return context.Request;
    }

    [Theory]
    [InlineData("", null, false)]
    [InlineData("", "classroom=cover", true)]
    [InlineData("", "classroom=other", false)]
    [InlineData("?cover=1", null, true)]
    [InlineData("?cover=0", "classroom=cover", false)]
    [InlineData("?cover=off", "classroom=cover", false)]
    [InlineData("?cover=yes", "classroom=cover", true)]
    [InlineData("?cover=1&cover=0", null, false)]
    public void TheAddressDecidesAndElseTheCookie(string query, string? cookie, bool on)
    {
        var request = Request(query, cookie);
        Assert.Equal(on, ClassroomDisplay.IsOn(request));
        Assert.Equal(on ? "cover" : "open", ClassroomDisplay.CacheValue(request));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/s/csis16-14", "/s/csis16-14")]
    [InlineData("/search?q=a&kind=quotation", "/search?q=a&kind=quotation")]
    [InlineData("//evil.example", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("/a\\b", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("evil", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("/a\r\nSet-Cookie: x=y", null)]
    public void OnlyALocalPathIsAPlaceToGoBackTo(string? value, string? local) =>
        Assert.Equal(local, ClassroomDisplay.LocalReturn(value));

    [Fact]
    public void ALongReturnIsRefused() => Assert.Null(ClassroomDisplay.LocalReturn("/" + new string('a', 2000)));

    [Fact]
    public void ALocationCarriesOnlyPrintableAscii() =>
        Assert.Equal("/search?q=%C3%A9t%C3%A9%20%F0%9F%98%80", ClassroomDisplay.ForLocation("/search?q=été 😀"));
}
