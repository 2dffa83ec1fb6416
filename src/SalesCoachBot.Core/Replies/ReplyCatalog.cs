using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Languages;

namespace SalesCoachBot.Replies;

/// <summary>
/// What the bot says, in each language it speaks, from <c>dialogs/replies.yaml</c> and its other languages
/// (<c>replies.id.yaml</c>); a key a language lacks is refused at start-up (see <see cref="ReplyKeys"/>).
/// </summary>
public sealed class ReplyCatalog(IReadOnlyDictionary<Language, IReadOnlyDictionary<string, string>> texts)
{
    /// <summary>The reply in the language, its placeholders filled in: <c>Say(language, ReplyKeys.MoveTo, ("stage", "Proposal"))</c>.</summary>
    public string Say(Language language, string key, params (string Name, string Value)[] values)
    {
        var line = (texts.TryGetValue(language, out var own) ? own : texts[Language.English])[key];
        return values.Length == 0 ? line : Phrasing.Fill(line, values.ToDictionary(v => v.Name, v => v.Value));
    }

    /// <summary>A stage's name as reps of the language call it.</summary>
    public string Stage(Language language, DealStage stage) => Say(language, ReplyKeys.StageName(stage));

    public IReadOnlyCollection<Language> Languages => [.. texts.Keys];
}
