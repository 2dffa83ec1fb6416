using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace SalesCoachBot.Channels.Console;

/// <summary>A Bot Framework adapter for the terminal: each line is a message, each reply is printed.</summary>
public sealed class ConsoleAdapter(IBot bot, TextWriter output, string user, TimeProvider clock, ILogger<ConsoleAdapter> logger) : BotAdapter
{
    public const string ChannelId = "console";

    public async Task SendLineAsync(string text, CancellationToken cancellationToken)
    {
        var from = new ChannelAccount(user, user) { Properties = user.Contains('@') ? new JObject { ["email"] = user } : [] };
        var activity = new Activity(ActivityTypes.Message)
        {
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = ChannelId,
            ServiceUrl = "console://local",
            Conversation = new ConversationAccount(id: $"console:{user}", conversationType: "personal"),
            From = from,
            Recipient = new ChannelAccount("salescoachbot", "SalesCoachBot"),
            Text = text,
            Timestamp = clock.GetUtcNow(),
            Locale = "en-US",
        };
        using var turn = new TurnContext(this, activity);
        await RunPipelineAsync(turn, bot.OnTurnAsync, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            await output.WriteLineAsync(activity.Text);
            await output.WriteLineAsync();
        }
        await output.FlushAsync(cancellationToken);
        return [.. activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N")))];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse(activity.Id));

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>A failed turn prints a short apology; the details go to the log on stderr.</summary>
    public ConsoleAdapter WithErrorHandler()
    {
        OnTurnError = async (turn, exception) =>
        {
            logger.LogError(exception, "Turn failed");
            await output.WriteLineAsync("Sorry, something went wrong on my side and I couldn't finish that. Please try again.");
            await output.WriteLineAsync();
        };
        return this;
    }
}
