using System.Text.RegularExpressions;

namespace SalesCoachBot.Languages;

/// <summary>A rep asking for a language: "pakai bahasa Indonesia", "bahasa indonesia dong", "switch to English", "in english pls".</summary>
public static partial class LanguageSwitch
{
    /// <summary>The language asked for; null when the message asks for none.</summary>
    public static Language? Read(string message) => Asked().Match(message.Trim().TrimEnd('.', '!')) is { Success: true } asked
        ? asked.Groups["id"].Success ? Language.Indonesian : Language.English
        : null;

    [GeneratedRegex(@"^((pakai|pake|gunakan|ganti\s+ke|pindah\s+ke|balas\s+(pakai|dalam)|switch\s+to|change\s+to|use|speak|reply\s+in|answer\s+in|in)\s+)?(bahasa\s+)?((?<id>indonesia|indonesian|indo)|english|inggris)(\s+(please|pls|dong|ya|aja|saja))?$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Asked();
}
