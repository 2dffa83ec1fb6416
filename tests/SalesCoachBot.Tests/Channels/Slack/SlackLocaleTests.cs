using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Languages;
using SalesCoachBot.Persistence;
using SalesCoachBot.Tests.Infrastructure;
using static SalesCoachBot.Tests.Infrastructure.SlackRequests;

namespace SalesCoachBot.Tests.Channels.Slack;

/// <summary>A Slack user whose locale is Indonesian is spoken to in Indonesian until they write otherwise.</summary>
public sealed class SlackLocaleTests : IAsyncLifetime
{
    private SlackHost host = null!;

    public async Task InitializeAsync() => host = await SlackHost.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task AnIndonesianLocaleAnswersInIndonesianAndWritingEnglishSwitches()
    {
        host.Slack.AddUser("U0BUDI", "Budi Santoso", "budi@example.com", "Asia/Jakarta", locale: "id-ID");
        var client = host.Factory.CreateClient();

        await client.SendAsync(Event(DirectMessage("Ev0101", "U0BUDI", "help"), host.Factory.Clock.GetUtcNow()));
        await host.Slack.WaitForPostsAsync(1);
        Assert.Contains("Jaga pipeline tetap rapi", host.Slack.Posts("chat.postMessage")[0]["text"]!.GetValue<string>());
        Assert.Equal(Language.Indonesian, await LanguageAsync());

        await client.SendAsync(Event(DirectMessage("Ev0102", "U0BUDI", "new deal Harbor Freight Lines 48k"), host.Factory.Clock.GetUtcNow()));
        await host.Slack.WaitForPostsAsync(2);
        Assert.Contains("New deal: Harbor Freight Lines", host.Slack.Posts("chat.postMessage")[1]["text"]!.GetValue<string>());
        Assert.Equal(Language.English, await LanguageAsync());
    }

    private async Task<Language?> LanguageAsync()
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().Reps.SingleAsync(r => r.Email == "budi@example.com")).Language;
    }
}
