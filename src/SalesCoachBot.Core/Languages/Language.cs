namespace SalesCoachBot.Languages;

/// <summary>A language the bot reads and answers in. English is the content's own; others are added beside it in <c>dialogs/</c>.</summary>
public enum Language
{
    English,
    Indonesian,
}
