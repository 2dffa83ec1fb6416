using System.Text.RegularExpressions;

namespace SalesCoachBot.Conversations;

/// <summary>The words that cancel or ask for help wherever they are said: at a question the bot asked, or on their own.</summary>
public static partial class CommandWords
{
    public static bool IsCancel(string text) => Cancel().IsMatch(text.Trim());

    public static bool IsHelp(string text) => Help().IsMatch(text.Trim());

    [GeneratedRegex(@"^(cancel|never ?mind|stop|forget it|abort|quit)[.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Cancel();

    [GeneratedRegex(@"^(help|\?|what\?|huh\?*|what can you do\??|commands|/help|/coach)[.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Help();
}
