namespace SalesCoachBot.Content;

/// <summary>A check-in on a won deal, <see cref="Days"/> after it closed, as written in <c>dialogs/stages.yaml</c> under <c>afterSale</c>.</summary>
public sealed record AfterSaleStep(int Days, string Title, string Text)
{
    /// <summary>The check-in as each other language words it (<c>stages.id.yaml</c>).</summary>
    public IReadOnlyDictionary<Languages.Language, AfterSaleStep> Translations { get; init; } = new Dictionary<Languages.Language, AfterSaleStep>();

    /// <summary>The check-in in the language, the English one where the language has none.</summary>
    public AfterSaleStep In(Languages.Language language) => Translations.GetValueOrDefault(language, this);

    public string TitleFor(string deal) => Title.Replace("{deal}", deal, StringComparison.Ordinal);

    public string TextFor(string deal) => Text.Replace("{deal}", deal, StringComparison.Ordinal);
}
