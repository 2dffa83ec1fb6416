using System.Text.RegularExpressions;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Languages;

/// <summary>Replies that speak the rep's language take their words from the catalogue (<c>dialogs/replies*.yaml</c>), not from the code.</summary>
public sealed partial class ReplyCatalogueTests
{
    // Each reply path answered in the rep's language, and the methods of it that build the reply.
    public static TheoryData<string, string> ReplyPaths => new()
    {
        { "src/SalesCoachBot.Core/Deals/DealReplies.cs", "Created" },
        { "src/SalesCoachBot.Core/Deals/DealReplies.cs", "Moved" },
        { "src/SalesCoachBot.Core/Conversations/ClarifyReplies.cs", "Ask" },
        { "src/SalesCoachBot.Core/Conversations/ClarifyReplies.cs", "NotSure" },
        { "src/SalesCoachBot.Core/Conversations/ClarifyReplies.cs", "SaySomethingElse" },
        { "src/SalesCoachBot.Core/Conversations/ClarifyReplies.cs", "Offer" },
        { "src/SalesCoachBot.Core/Conversations/HelpReplies.cs", "Help" },
        { "src/SalesCoachBot.Core/Objections/ObjectionCommands.cs", "Advice" },
        { "src/SalesCoachBot.Core/Objections/ObjectionCommands.cs", "NameTheDeal" },
        { "src/SalesCoachBot.Core/Deals/DealReplies.cs", "Closed" },
        { "src/SalesCoachBot.Core/Deals/DealReplies.cs", "LostWithReason" },
        { "src/SalesCoachBot.Core/Dialogs/CloseReasonDialog.cs", "CancelledReply" },
        { "src/SalesCoachBot.Core/Dialogs/CloseReasonDialog.cs", "DroppedNote" },
        { "src/SalesCoachBot.Core/Dialogs/CloseReasonDialog.cs", "AskAsync" },
        { "src/SalesCoachBot.Core/Dialogs/CloseReasonDialog.cs", "AskOtherAsync" },
        { "src/SalesCoachBot.Core/Dialogs/CloseReasonDialog.cs", "SaveAsync" },
        { "src/SalesCoachBot.Core/Dialogs/CloseReasonDialog.cs", "Shown" },
        { "src/SalesCoachBot.Core/Pipeline/PipelineCommands.cs", "Pipeline" },
        { "src/SalesCoachBot.Core/Dialogs/ConfirmSkipDialog.cs", "DroppedNote" },
        { "src/SalesCoachBot.Core/Dialogs/ConfirmSkipDialog.cs", "AskAsync" },
        { "src/SalesCoachBot.Core/Dialogs/ConfirmSkipDialog.cs", "MoveAsync" },
        { "src/SalesCoachBot.Core/Nudges/NudgePlanner.cs", "Nudge" },
        { "src/SalesCoachBot.Core/Nudges/NudgePlanner.cs", "Summary" },
        { "src/SalesCoachBot.Core/Nudges/NudgePlanner.cs", "Source" },
        { "src/SalesCoachBot.Core/Nudges/ReminderPlanner.cs", "Reminder" },
        { "src/SalesCoachBot.Core/Escalations/EscalationPlanner.cs", "ToRep" },
        { "src/SalesCoachBot.Core/Escalations/EscalationPlanner.cs", "ToManager" },
        { "src/SalesCoachBot.Core/Nudges/CheckInPlanner.cs", "Compose" },
        { "src/SalesCoachBot.Core/Nudges/CheckInPlanner.cs", "Names" },
        { "src/SalesCoachBot.Core/Wins/AfterSalePlanner.cs", "CheckIn" },
        { "src/SalesCoachBot.Core/Digests/DigestPlanner.cs", "StallRules" },
        { "src/SalesCoachBot.Core/Digests/DigestPlanner.cs", "Totals" },
    };

    [Theory]
    [MemberData(nameof(ReplyPaths))]
    public void AReplyPathHasNoEnglishWordsOfItsOwn(string file, string method)
    {
        var body = Body(File.ReadAllText(RepositoryRoot.File(file.Split('/'))), method);

        // What a button sends is a command the bot reads ("my deals", "move Acme to Proposal"), not something the rep reads.
        var words = Literal().Matches(body).Select(m => m.Groups[1].Value).Where(l => !Command().IsMatch(l) && Words().IsMatch(Interpolation().Replace(l, ""))).ToList();

        Assert.True(words.Count == 0, $"{file} {method} says in code: {string.Join(", ", words)}");
    }

    // A reason picked in any language is recorded as its English label, which the team's loss-reason view counts.
    [Fact]
    public void TheLostReasonsOfferedInEnglishAreTheReasonsRecorded() =>
        Assert.Equal(Dialogs.CloseReasonDialog.LostReasons,
            ReplyKeys.LostReasons.Select((_, i) => TestContent.Shipped.Replies.Say(SalesCoachBot.Languages.Language.English, ReplyKeys.LostReason(i))));

    private static string Body(string source, string method)
    {
        var start = Regex.Match(source, $@"\n    (public|private)( static| override| async)* [\w<>?]+ {method}\(");
        Assert.True(start.Success, $"no method {method}");
        var next = Regex.Match(source[(start.Index + 1)..], @"\n    (public|private|///|//)");
        return next.Success ? source.Substring(start.Index, next.Index + 1) : source[start.Index..];
    }

    [GeneratedRegex("\\$?\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"^(undo|help|new deal|my deals|my pipeline|my goals|move \{[^}]+\} to \{[^}]+\}|help-\{t\}(-example)?|stages|stage|deal|action|tip|text|category|objection|objection for \{[^}]+\}|SalesCoachBot"
        + @"|log call with \{[^}]+\}|snooze \{[^}]+\} (3 days|1 week)|move \{[^}]+\} to lost|stage tips for \{[^}]+\}|new deal \{[^}]+\}|my goal: \{[^}]+\}|stalled deals|team pipeline|how is \{[^}]+\} doing\?"
        + @"|amount|intro|outcome|reason|count|total|deals|days|to|skipped|query"
        + @"|limit|source|note|date|times|manager|rep|day|summary|won|lost|wins|rules|goodWeek|steadyWeek|roughWeek|motivation)$")]
    private static partial Regex Command();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Words();
}
