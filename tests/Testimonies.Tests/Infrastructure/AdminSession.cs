using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Testimonies.Web.Archive;
using Testimonies.Web.Maintainers;

namespace Testimonies.Tests.Infrastructure;

/// <summary>
/// A maintainer's browser in the integration tests: HTTPS (the cookies are __Host- and Secure), forms with their antiforgery tokens.
/// </summary>
public static class AdminSession
{
    public const string Email = "maintainer@example.org";
    public const string Password = "a long test passphrase";

    /// <summary>An account with <paramref name="role"/> (an administrator, who may do everything, unless told; null: no role).</summary>
    public static async Task CreateMaintainerAsync(ArchiveFactory factory, string email = Email, string password = Password,
        string? role = MaintainerRoles.Administrator)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Maintainer>>();
        var maintainer = new Maintainer { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(maintainer, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        if (role is not null) Assert.True((await users.AddToRoleAsync(maintainer, role)).Succeeded);
    }

    /// <summary>A new browser logged in as a new account with <paramref name="role"/> (null: an account without a role).</summary>
    public static async Task<HttpClient> LoggedInAsAsync(ArchiveFactory factory, string email, string? role)
    {
        await CreateMaintainerAsync(factory, email, Password, role);
        var client = NewClient(factory);
        var response = await LogInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static HttpClient NewClient(ArchiveFactory factory) =>
        factory.CreateClient(
            new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    /// <summary>A client already logged in as the test maintainer (created if need be).</summary>
    public static async Task<HttpClient> LoggedInAsync(ArchiveFactory factory)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<UserManager<Maintainer>>().FindByEmailAsync(Email) is null)
                await CreateMaintainerAsync(factory);
        }
        var client = NewClient(factory);
        var response = await LogInAsync(client, Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/admin/login", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>The antiforgery token of the form on <paramref name="page"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var (response, document) = await Html.GetAsync(client, page);
        Assert.True(response.IsSuccessStatusCode, $"GET {page}: {(int)response.StatusCode}");
        return document.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields,
        string? tokenFrom = null)
    {
        var token = await TokenAsync(client, tokenFrom ?? url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Name, byte[] Content)[] files)
    {
        var token = await TokenAsync(client, "/admin/import");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return await client.PostAsync("/admin/import", form, TestContext.Current.CancellationToken);
    }
}
