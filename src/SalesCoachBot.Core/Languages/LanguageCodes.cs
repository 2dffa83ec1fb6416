namespace SalesCoachBot.Languages;

/// <summary>How a language is named in locales (<c>id-ID</c>), content files (<c>understanding.id.yaml</c>) and cultures.</summary>
public static class LanguageCodes
{
    public static IReadOnlyList<Language> All { get; } = Enum.GetValues<Language>();

    public static string Code(this Language language) => language switch
    {
        Language.Indonesian => "id",
        _ => "en",
    };

    /// <summary>The language of a locale as Teams and Slack send it ("id-ID", "en_US", "in"); null for one the bot does not speak.</summary>
    public static Language? FromLocale(string? locale)
    {
        var code = locale?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return code switch
        {
            "id" or "in" => Language.Indonesian,
            "en" => Language.English,
            _ => null,
        };
    }

    /// <summary>The content file of a language: <c>stages.yaml</c> for English, <c>stages.id.yaml</c> for Indonesian.</summary>
    public static string ContentFile(this Language language, string name) =>
        language == Language.English ? name : Path.ChangeExtension(name, $"{language.Code()}{Path.GetExtension(name)}");
}
