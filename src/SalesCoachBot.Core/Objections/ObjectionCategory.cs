using SalesCoachBot.Deals;
using SalesCoachBot.Languages;

namespace SalesCoachBot.Objections;

/// <summary>
/// One kind of objection and how to handle it, from <c>dialogs/objections.yaml</c>; its <see cref="Examples"/> are those
/// of every language, and <see cref="Translations"/> the playbook in each other language (<c>objections.id.yaml</c>).
/// </summary>
public sealed record ObjectionCategory(
    string Id,
    string Name,
    IReadOnlyList<string> Examples,
    string Acknowledge,
    IReadOnlyList<string> Clarify,
    IReadOnlyList<string> Respond,
    string Confirm,
    IReadOnlyDictionary<DealStage, string> ByStage)
{
    public IReadOnlyDictionary<Language, ObjectionCategory> Translations { get; init; } = new Dictionary<Language, ObjectionCategory>();

    /// <summary>The category as written in the language, the English one where the language has none.</summary>
    public ObjectionCategory In(Language language) => Translations.GetValueOrDefault(language, this);
}
