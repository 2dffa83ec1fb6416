using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Conversations;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>Someone talking to the bot in a conversation of the "test" channel: 1:1 unless <see cref="IsPersonal"/> is false.</summary>
public sealed record ChatUser(string UserId, string ConversationId = "conversation")
{
    public const string Channel = "test";

    public string? Email { get; init; }

    public bool IsPersonal { get; init; } = true;

    public ConversationPlace Place => new(Channel, ConversationId, IsPersonal,
        JsonSerializer.Serialize(new { conversation = ConversationId, user = UserId }), UserId);

    public ChannelIdentity Identity => new(Channel, UserId, UserId, Email) { Address = Place.Reference };
}

/// <summary>
/// A scripted conversation with the core, in process, no channel in between: each message is a turn
/// through <see cref="ChatTurns"/>, each reply is checked in order. Nothing runs until <see cref="StartTestAsync"/>.
/// </summary>
public sealed class ChatFlow(IServiceProvider services, ChatUser user)
{
    private readonly List<Func<Queue<Reply>, Task>> steps = [];

    public ChatFlow Send(string text) => Send(() => text);

    /// <summary>Sends what is known only once the flow runs, e.g. the message behind a button of an earlier reply.</summary>
    public ChatFlow Send(Func<string> text)
    {
        steps.Add(async replies =>
            replies.Enqueue(await services.GetRequiredService<ChatTurns>().RespondAsync(user.Identity, text(), user.Place, CancellationToken.None)));
        return this;
    }

    public ChatFlow AssertReply(Action<Reply> check)
    {
        steps.Add(replies =>
        {
            Assert.True(replies.Count > 0, "No reply came.");
            check(replies.Dequeue());
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Runs a step between turns (e.g. moving the fake clock).</summary>
    public ChatFlow Do(Action action)
    {
        steps.Add(_ =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public async Task StartTestAsync()
    {
        var replies = new Queue<Reply>();
        foreach (var step in steps)
            await step(replies);
    }
}
