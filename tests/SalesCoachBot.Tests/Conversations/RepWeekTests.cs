using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Conversations;
using SalesCoachBot.Import;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Conversations;

/// <summary>
/// A week of one rep's messages (<c>rep-week.chat</c>): questions answered by number, by part of a name, in yes/no words,
/// abandoned and cancelled. Each reply says what the script expects, and at the end the export holds what the replies said.
/// </summary>
public sealed partial class RepWeekTests : BotTest
{
    private static readonly ChatUser Rep = BotHarness.User("dana") with { Email = "dana@example.com" };

    [Fact]
    public async Task AWeekOfARepsMessagesEndsWithAnExportThatMatchesEveryReply()
    {
        var said = new Dictionary<string, (string? Stage, decimal? Amount)>(StringComparer.OrdinalIgnoreCase);
        var expectedRows = new List<string[]>();
        var replies = new List<(int Line, string Sent, Reply Reply)>();
        var turns = Bot.Host.Services.GetRequiredService<ChatTurns>();
        Reply? last = null;
        var sent = "";
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conversations", "rep-week.chat"));
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var (kind, rest) = (line[0], line[1..].Trim());
            switch (kind)
            {
                case '@':
                    var at = DateTimeOffset.Parse(rest, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    Assert.True(at >= Bot.Clock.GetUtcNow(), $"line {number}: time goes forward");
                    Bot.Clock.SetUtcNow(at);
                    break;
                case '>':
                    sent = rest;
                    last = await turns.RespondAsync(Rep.Identity, rest, Rep.Place, CancellationToken.None);
                    replies.Add((number, rest, last));
                    break;
                case '<':
                    Assert.True(last is not null, $"line {number}: no message sent yet");
                    var shown = Render(last!);
                    Assert.True(shown.Contains(rest, StringComparison.OrdinalIgnoreCase), $"line {number}: after \"{sent}\" expected \"{rest}\" in:\n{shown}");
                    break;
                case '!':
                    Assert.False(Render(last!).Contains(rest, StringComparison.OrdinalIgnoreCase), $"line {number}: after \"{sent}\" did not expect \"{rest}\" in:\n{Render(last!)}");
                    break;
                case '=':
                    expectedRows.Add([.. rest.Split('|').Select(p => p.Trim())]);
                    break;
                default:
                    Assert.Fail($"line {number}: starts with '{kind}'; a line is '@ time', '> message', '< expected', '! not expected' or '= export row'");
                    break;
            }
        }

        var export = await ExportAsync();
        foreach (var (_, _, reply) in replies)
            Note(reply, export.Select(r => r["name"]).ToList(), said);
        Assert.All(export, row => Assert.True(said.GetValueOrDefault(row["name"]).Stage is not null, $"no reply said where {row["name"]} stands"));
        foreach (var (name, (stage, amount)) in said)
        {
            var row = Assert.Single(export, r => r["name"].Equals(name, StringComparison.OrdinalIgnoreCase));
            Assert.True(stage is null || stage.Equals(row["stage"], StringComparison.OrdinalIgnoreCase), $"{name}: the replies last said {stage}, the export has {row["stage"]}");
            Assert.True(amount is null || amount == decimal.Parse(row["amount"], CultureInfo.InvariantCulture), $"{name}: the replies last said {amount}, the export has {row["amount"]}");
        }
        foreach (var expected in expectedRows)
        {
            var row = Assert.Single(export, r => r["name"] == expected[0]);
            foreach (var field in expected.Skip(1))
            {
                var (column, value) = (field.Split('=', 2)[0], field.Split('=', 2)[1]);
                Assert.True(row[column].Contains(value, StringComparison.OrdinalIgnoreCase), $"{expected[0]}: {column} is \"{row[column]}\", expected \"{value}\"");
            }
        }
        Assert.Equal(expectedRows.Count, export.Count);
    }

    // What a reply about one deal (the only deal it names) says of its stage and amount, read from its facts and its words.
    // A card that asks before saving ("Log this call?", "New deal?") says what would be, not what is.
    private static void Note(Reply reply, List<string> deals, Dictionary<string, (string? Stage, decimal? Amount)> said)
    {
        var shown = Render(reply);
        var named = deals.Where(d => shown.Contains(d, StringComparison.OrdinalIgnoreCase)).ToList();
        var deal = named.Where(d => !named.Any(o => o.Length > d.Length && o.Contains(d, StringComparison.OrdinalIgnoreCase))).ToList();
        if (deal.Count != 1 || reply.Buttons.Any(b => b.Title == "Confirm"))
            return;
        var (stage, amount) = said.GetValueOrDefault(deal[0]);
        if (reply.Facts.FirstOrDefault(f => f.Label == "Stage") is { } stageFact)
            stage = stageFact.Value;
        if (reply.Title is { } title && Arrow().Match(title) is { Success: true } moved)
            stage = moved.Groups["stage"].Value;
        if (Closed().Match(reply.Text) is { Success: true } closed)
            stage = closed.Groups["outcome"].Value;
        if (reply.Facts.FirstOrDefault(f => f.Label == "Amount") is { } amountFact && Dollars().Match(amountFact.Value) is { Success: true } a)
            amount = decimal.Parse(a.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        if (AmountChange().Match(reply.Text) is { Success: true } change)
            amount = decimal.Parse(change.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        said[deal[0]] = (stage?.Replace(" ", "", StringComparison.Ordinal), amount);
    }

    private async Task<List<Dictionary<string, string>>> ExportAsync()
    {
        await using var db = Bot.Database();
        var writer = new StringWriter();
        await DealExporter.WriteAsync(db, ExportFormat.Json, writer, CancellationToken.None);
        return [.. JsonNode.Parse(writer.ToString())!.AsArray().Select(deal => deal!.AsObject().ToDictionary(
            p => p.Key, p => p.Value is JsonValue value ? Convert.ToString(value.GetValue<object>(), CultureInfo.InvariantCulture) ?? "" : p.Value?.ToJsonString() ?? ""))];
    }

    private static string Render(Reply reply) => string.Join("\n",
        new[] { reply.Title, reply.Text }.OfType<string>()
            .Concat(reply.Facts.Select(f => $"{f.Label}: {f.Value}")).Concat(reply.Notes).Concat(reply.Buttons.Select(b => $"[{b.Title}]")));

    [GeneratedRegex(@"→ (?<stage>[A-Z][\w -]+)$")]
    private static partial Regex Arrow();

    [GeneratedRegex(@"\b(?:is|marked|is marked|Noted: .+?)\s+(?<outcome>won|lost)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Closed();

    [GeneratedRegex(@"[$€£](?<n>[\d,]+(\.\d+)?)")]
    private static partial Regex Dollars();

    [GeneratedRegex(@"amount [$€£][\d,.]+ → [$€£](?<n>[\d,]+(\.\d+)?)")]
    private static partial Regex AmountChange();
}
