namespace SalesCoachBot.Content;

/// <summary>A check-in on a won deal, <see cref="Days"/> after it closed, as written in <c>dialogs/stages.yaml</c> under <c>afterSale</c>.</summary>
public sealed record AfterSaleStep(int Days, string Title, string Text)
{
    public string TitleFor(string deal) => Title.Replace("{deal}", deal, StringComparison.Ordinal);

    public string TextFor(string deal) => Text.Replace("{deal}", deal, StringComparison.Ordinal);
}
