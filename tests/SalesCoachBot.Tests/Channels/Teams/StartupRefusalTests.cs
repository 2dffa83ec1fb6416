using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Teams;

public sealed class StartupRefusalTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task InProductionWithoutAnAppIdTheBotRefusesToStartNamingTheSettings()
    {
        var result = await BotProcess.RunAsync(database.Folder, null,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("SalesCoachBot cannot start: MicrosoftAppId is not set", result.Error);
        foreach (var setting in new[] { "MicrosoftAppType", "MicrosoftAppPassword", "MicrosoftAppTenantId" })
            Assert.Contains(setting, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task ASingleTenantAppWithoutItsTenantIsRefused()
    {
        var result = await BotProcess.RunAsync(database.Folder, null, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MicrosoftAppTenantId is missing for MicrosoftAppType SingleTenant", result.Error);
        Assert.DoesNotContain("not-a-real-secret", result.Error + result.Output);
    }

    [Fact]
    public async Task ABrokenContentFileStopsStartUpWithFileAndLine()
    {
        var content = Directory.CreateDirectory(Path.Combine(database.Folder, "content")).FullName;
        File.WriteAllText(Path.Combine(content, "stages.yaml"), "stages:\n  - stage: Prospecting\n    goal: Find them\n    stallAfterDays: soon\n");

        var result = await BotProcess.RunAsync(database.Folder, "help\n", new Dictionary<string, string> { ["Content__Directory"] = content },
            "chat", "--user", "alice@example.com");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stages.yaml, line 4: stallAfterDays must be a whole number", result.Error);
    }
}
