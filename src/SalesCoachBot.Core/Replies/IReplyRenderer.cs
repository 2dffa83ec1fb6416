using Microsoft.Bot.Schema;

namespace SalesCoachBot.Replies;

/// <summary>Turns a <see cref="Reply"/> into the message activity a channel shows natively.</summary>
public interface IReplyRenderer
{
    IMessageActivity Render(Reply reply);
}
