using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SalesCoachBot.Cli;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels;

/// <summary>The Indonesian rep week (<c>rep-week.id.chat</c>) through Teams, with its wire format and Adaptive Cards.</summary>
public sealed class IndonesianRepWeekOnTeamsTests : TeamsHostTest
{
    [Fact]
    public async Task TheIndonesianWeekIsAnsweredInIndonesianOnTeams()
    {
        var client = Factory.CreateClient();
        var step = 0;
        foreach (var (number, kind, text) in IndonesianWeek.Lines())
        {
            switch (kind)
            {
                case '@':
                    Factory.Clock.SetUtcNow(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
                    break;
                case '>':
                    await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalMessage(Connector.ServiceUrl, text));
                    Assert.Equal(++step, Connector.Sent.Count);
                    break;
                default:
                    IndonesianWeek.Check(number, kind, text, Connector.Sent[^1].Visible);
                    break;
            }
        }
    }
}

/// <summary>The Indonesian rep week through Slack: signed events in, Block Kit out.</summary>
public sealed class IndonesianRepWeekOnSlackTests : IAsyncLifetime
{
    private SlackHost host = null!;

    public async Task InitializeAsync() => host = await SlackHost.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task TheIndonesianWeekIsAnsweredInIndonesianOnSlack()
    {
        var client = host.Factory.CreateClient();
        var step = 0;
        foreach (var (number, kind, text) in IndonesianWeek.Lines())
        {
            switch (kind)
            {
                case '@':
                    host.Factory.Clock.SetUtcNow(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
                    break;
                case '>':
                    await client.SendAsync(SlackRequests.Event(SlackRequests.DirectMessage($"EvId{number:0000}", SlackHost.Alice, text), host.Factory.Clock.GetUtcNow()));
                    await host.Slack.WaitForPostsAsync(++step);
                    break;
                default:
                    var post = host.Slack.Posts("chat.postMessage")[^1];
                    IndonesianWeek.Check(number, kind, text, string.Join("\n", Strings(post)));
                    break;
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key is not ("channel" or "authorization" or "action_id" or "value" or "block_id")).SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}

/// <summary>The Indonesian rep week typed at the terminal (<c>chat</c>), on the real clock: its dates are not checked there.</summary>
public sealed class IndonesianRepWeekAtTheTerminalTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task TheIndonesianWeekIsAnsweredInIndonesianAtTheTerminal()
    {
        var lines = IndonesianWeek.Lines().ToList();
        var output = new StringWriter();
        var input = string.Join("\n", lines.Where(l => l.Kind == '>').Select(l => l.Text)) + "\n";

        Assert.Equal(0, await ChatCommand.RunAsync(["--user", "budi@example.com"], new StringReader(input), output, inputRedirected: true,
            configure: b => b.Configuration["ConnectionStrings:SalesCoach"] = database.ConnectionString));

        var shown = output.ToString();
        var at = 0;
        foreach (var (number, kind, text) in lines.Where(l => l.Kind == '<' && !IndonesianWeek.IsDate(l.Text)))
        {
            var found = shown.IndexOf(text, at, StringComparison.OrdinalIgnoreCase);
            Assert.True(found >= 0, $"line {number}: expected \"{text}\" after what was shown before it in:\n{shown[at..]}");
            at = found;
        }
    }
}

internal static partial class IndonesianWeek
{
    public static IEnumerable<(int Number, char Kind, string Text)> Lines() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conversations", "rep-week.id.chat"))
            .Select((line, i) => (Number: i + 1, Line: line.Trim()))
            .Where(l => l.Line.Length > 0 && !l.Line.StartsWith('#'))
            .Select(l => (l.Number, l.Line[0], l.Line[1..].Trim()));

    public static void Check(int number, char kind, string expected, string shown)
    {
        if (kind == '<')
            Assert.True(shown.Contains(expected, StringComparison.OrdinalIgnoreCase), $"line {number}: expected \"{expected}\" in:\n{shown}");
        else
            Assert.False(shown.Contains(expected, StringComparison.OrdinalIgnoreCase), $"line {number}: did not expect \"{expected}\" in:\n{shown}");
    }

    /// <summary>An expected date ("Sel, 31 Mar"), which holds only on the script's clock.</summary>
    public static bool IsDate(string text) => Date().IsMatch(text);

    [GeneratedRegex(@"^(Sen|Sel|Rab|Kam|Jum|Sab|Min), \d")]
    private static partial Regex Date();
}
