using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Queues;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Telemetry;

namespace SalesCoachBot.Conversations;

/// <summary>
/// The core's one door for every channel: who said what, where → the reply. The conversation's memory
/// is read before the turn and written after it, only when the turn changed it; the conversation's other turns wait
/// meanwhile (<see cref="ConversationLocks"/>).
/// </summary>
public sealed partial class ChatTurns(IServiceScopeFactory scopes, ConversationMemoryStore memories, ConversationLocks locks, TurnsInFlight inFlight)
{
    public const int MaxMessageLength = 4_000;

    public async Task<Reply> RespondAsync(ChannelIdentity who, string text, ConversationPlace where, CancellationToken cancellationToken)
    {
        if (text.Length > MaxMessageLength)
            return new Reply(string.Create(CultureInfo.InvariantCulture, $"That message is too long for me ({text.Length:N0} characters); keep it under {MaxMessageLength:N0}."));
        // Read in the form names are kept in, so a name said with invisible characters is the name without them.
        text = Deals.NameText.Clean(WithoutControlCharacters(text));
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.TurnSpan);
        using var turn = inFlight.Enter();
        var started = Stopwatch.GetTimestamp();
        var (intent, outcome) = (new TurnIntent(), BotTelemetry.Failed);
        try
        {
            await using var conversation = await locks.EnterAsync(where.MemoryKey, cancellationToken);
            var stored = await memories.LoadAsync(where.MemoryKey, cancellationToken);
            Reply reply;
            await using (var scope = scopes.CreateAsyncScope())
            {
                intent = scope.ServiceProvider.GetRequiredService<TurnIntent>();
                reply = await scope.ServiceProvider.GetRequiredService<Conversation>().RespondAsync(who, text, stored.Memory, cancellationToken, where);
            }
            if (InboxTurn.Current is { } inboxTurn)
                inboxTurn.AnswerJson = OutboxWriter.Serialize(reply); // kept with the memory, for a turn cut short after it
            await memories.SaveAsync(where.MemoryKey, stored, cancellationToken);
            outcome = BotTelemetry.Answered;
            return reply;
        }
        finally
        {
            var duration = Stopwatch.GetElapsedTime(started);
            var tags = BotTelemetry.TurnTags(where.Channel, intent.Id, outcome);
            foreach (var tag in tags)
                span?.SetTag(tag.Key, tag.Value);
            span?.SetTag("duration_ms", Math.Round(duration.TotalMilliseconds, 1));
            if (outcome == BotTelemetry.Failed)
                span?.SetStatus(ActivityStatusCode.Error);
            BotTelemetry.Turns.Add(1, tags);
            BotTelemetry.TurnDuration.Record(duration.TotalSeconds, tags);
        }
    }

    /// <summary>What a rep typed, minus terminal escape sequences and control characters other than line breaks and tabs.</summary>
    public static string WithoutControlCharacters(string text) => ControlCharacters().Replace(text, "");

    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]|\x1B[@-_]|[\p{Cc}-[\n\t]]")]
    private static partial Regex ControlCharacters();

    /// <summary>Installing the bot is the first chance to learn who the rep is and where to reach them later.</summary>
    public async Task RememberAsync(ChannelIdentity who, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RepDirectory>().IdentifyAsync(who, cancellationToken);
    }
}
