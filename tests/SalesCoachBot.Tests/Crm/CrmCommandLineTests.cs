using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Cli;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Crm;

/// <summary>
/// <c>crm sync</c> and <c>crm status</c> set up wrong, as an admin might on a first try: a URL that is a web page, not the
/// API, or nothing listening. Each ends with one line on what to fix and exit code 1.
/// </summary>
public sealed class CrmCommandLineTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly CapturedLogs logs = new();
    private WebApplication webPage = null!;
    private string webPageUrl = "";

    public async Task InitializeAsync()
    {
        // What a browser address (acme.lightning.force.com, app.hubspot.com) answers: a page, not JSON.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        webPage = builder.Build();
        webPage.Run(context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<!DOCTYPE html><html><body>Sign in</body></html>");
        });
        await webPage.StartAsync();
        webPageUrl = webPage.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        await webPage.DisposeAsync();
        database.Dispose();
    }

    private async Task<(int ExitCode, string[] Errors)> RunAsync(params string[] args)
    {
        var error = new StringWriter();
        var exitCode = await CrmCommand.RunAsync([.. args, $"--ConnectionStrings:SalesCoach={database.ConnectionString}"], new StringWriter(), error,
            builder => builder.Logging.AddProvider(logs));
        return (exitCode, [.. error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd())]);
    }

    private string[] Salesforce(string url) => ["--Crm:Provider=Salesforce", $"--Crm:Salesforce:InstanceUrl={url}", "--Crm:Salesforce:ClientId=3MVG9-x", "--Crm:Salesforce:ClientSecret=s"];

    private string[] HubSpot(string url) => ["--Crm:Provider=HubSpot", "--Crm:HubSpot:AccessToken=pat-x", $"--Crm:HubSpot:BaseUrl={url}"];

    [Fact]
    public async Task ASalesforceUrlThatIsAWebPageIsNamedInOneLine()
    {
        var (exitCode, errors) = await RunAsync(["sync", "--full", .. Salesforce(webPageUrl)]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("Salesforce answered with a web page, not its API: is Crm:Salesforce:InstanceUrl", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHubSpotUrlThatIsAWebPageIsNamedInOneLine()
    {
        var (exitCode, errors) = await RunAsync(["sync", "--full", .. HubSpot(webPageUrl)]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("HubSpot answered with a web page, not its API: is Crm:HubSpot:BaseUrl", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACrmThatDoesNotAnswerIsOneLineWithoutTheRetriesBehindIt()
    {
        var (exitCode, errors) = await RunAsync(["sync", .. HubSpot("http://127.0.0.1:9")]);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("HubSpot did not answer", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Empty(logs.Entries);
    }
}
