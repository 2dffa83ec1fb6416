using System.CommandLine;

namespace SalesCoachBot.Cli;

/// <summary>
/// What may follow the program name when it runs the bot: host settings in the forms the host reads (<c>--urls URL</c>,
/// <c>--Key=value</c>, <c>Key=value</c>, <c>/Key value</c>). A bare word there is a command that does not exist; it stops
/// the program with a usage error naming the nearest command, instead of starting the bot with the word ignored.
/// </summary>
public static class HostSettingsArgument
{
    public static Argument<string[]> For(RootCommand root)
    {
        var settings = new Argument<string[]>("host settings") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        settings.Validators.Add(result =>
        {
            if (StrayWord([.. result.Tokens.Select(t => t.Value)]) is { } word)
                result.AddError(Unknown(word, root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)));
        });
        return settings;
    }

    private static string? StrayWord(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Contains('='))
                continue;
            if (token.StartsWith('-') || token.StartsWith('/'))
                i++; // its value follows
            else
                return token;
        }
        return null;
    }

    private static string Unknown(string word, IEnumerable<string> verbs)
    {
        var nearest = verbs.Select(v => (Verb: v, Distance: Distance(word.ToLowerInvariant(), v))).MinBy(v => v.Distance);
        // Up to one slip in three letters reads as a typo; further off, a guess would only mislead.
        return nearest.Verb is not null && nearest.Distance <= Math.Max(1, nearest.Verb.Length / 3)
            ? $"unknown command '{word}'. Did you mean '{nearest.Verb}'?"
            : $"unknown command '{word}'. The commands are: {string.Join(", ", verbs)}.";
    }

    // Edits between two words, a swap of neighbouring letters counting as one ("exprot" is one from "export").
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
