using SalesCoachBot.Conversations;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Channels.Terminal;

/// <summary>The terminal as a channel: each line is a message from one user, each reply is printed as numbered text.</summary>
public sealed class TerminalChannel(ChatTurns turns, TextWriter output, string user, ILogger<TerminalChannel> logger)
{
    public const string ChannelId = "console";

    public async Task SendLineAsync(string text, CancellationToken cancellationToken)
    {
        var place = new ConversationPlace(ChannelId, $"console:{user}", IsPersonal: true, Reference: "", SenderId: user);
        var who = new ChannelIdentity(ChannelId, user, user, user.Contains('@') ? user : null);
        string answer;
        try
        {
            answer = ReplyText.Render(await turns.RespondAsync(who, text, place, cancellationToken));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Turn failed");
            answer = ReplyText.Render(HelpReplies.Apology);
        }
        await output.WriteLineAsync(answer);
        await output.WriteLineAsync();
        await output.FlushAsync(cancellationToken);
    }
}
