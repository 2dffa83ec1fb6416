using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace SalesCoachBot.Channels.Teams;

/// <summary>
/// The parts of an activity the bot reads beyond its addresses, in the shapes Teams sends them: a card's
/// <c>value</c> is an object, every entity has a type, and a mention names who is mentioned and how.
/// An activity that breaks them did not come from Teams and is refused before a turn rather than failing in one.
/// </summary>
public static class ActivityShape
{
    public static string? Problem(Activity activity) =>
        activity.Value is not (null or JObject) ? "the activity's value is not an object"
        : activity.Entities?.Select(EntityProblem).FirstOrDefault(problem => problem is not null);

    private static string? EntityProblem(Entity? entity) => entity switch
    {
        null or { Type: null or "" } => "an entity has no type",
        { Type: "mention" } when entity.Properties["mentioned"] is not JObject { } mentioned || mentioned["id"] is not JValue { Type: JTokenType.String } ||
            mentioned["name"] is not (null or JValue { Type: JTokenType.String or JTokenType.Null }) => "a mention does not name who is mentioned",
        { Type: "mention" } when entity.Properties["text"] is not JValue { Type: JTokenType.String } => "a mention has no text",
        _ => null,
    };
}
