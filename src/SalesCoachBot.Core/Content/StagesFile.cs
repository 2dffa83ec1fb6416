using SalesCoachBot.Deals;
using SalesCoachBot.Languages;
using YamlDotNet.RepresentationModel;

namespace SalesCoachBot.Content;

/// <summary>
/// <c>stages.yaml</c>: one guide for each of the seven stages; and the guides in each other language the bot speaks
/// (<c>stages.id.yaml</c>, every stage, no stall threshold of their own), whose <c>alsoCalled</c> names are read in any message.
/// </summary>
internal static class StagesFile
{
    public const string Name = "stages.yaml";

    public static Dictionary<DealStage, StageGuide> Load(string directory)
    {
        var guides = LoadOne(YamlContentFile.Open(directory, Name), english: null);
        foreach (var (language, file) in YamlContentFile.Translations(directory, Name))
        {
            var translated = LoadOne(file, guides);
            foreach (var (stage, guide) in translated)
                guides[stage] = guides[stage] with
                {
                    AlsoCalled = [.. guides[stage].AlsoCalled, .. guide.AlsoCalled],
                    Translations = new Dictionary<Language, StageGuide>(guides[stage].Translations) { [language] = guide },
                };
        }
        return guides;
    }

    private static Dictionary<DealStage, StageGuide> LoadOne(YamlContentFile file, Dictionary<DealStage, StageGuide>? english)
    {
        var list = file.Required<YamlSequenceNode>(file.Root, "stages");
        var guides = new Dictionary<DealStage, StageGuide>();
        foreach (var node in list)
        {
            var item = file.As<YamlMappingNode>(node, "a stage (a mapping with stage, goal, …)");
            var stage = ReadStage(file, file.Required<YamlScalarNode>(item, "stage"));
            if (guides.ContainsKey(stage))
                throw file.Error(item, $"stage '{stage.DisplayName()}' appears twice");

            var stallAfterDays = english?[stage].StallAfterDays ?? StallAfterDays(file, item); // a translation keeps the English numbers

            guides[stage] = new StageGuide(stage, file.Text(item, "goal"), file.Lines(item, "exitCriteria"),
                file.Text(item, "nextBestAction"), file.Lines(item, "tips"), stallAfterDays)
            {
                AlsoCalled = item.Children.ContainsKey(new YamlScalarNode("alsoCalled")) ? file.Lines(item, "alsoCalled") : [],
                WinProbability = english?[stage].WinProbability ?? ReadPercent(file, file.Required<YamlScalarNode>(item, "winProbability")),
            };
        }

        var missing = StageNames.Open.Where(s => !guides.ContainsKey(s)).ToList();
        if (missing.Count > 0)
            throw file.Error(list, $"missing stage(s): {string.Join(", ", missing.Select(s => s.DisplayName()))}");
        return guides;
    }

    /// <summary>
    /// The optional <c>afterSale</c> list: check-ins on a won deal some days after it closed; a language's file
    /// (<c>stages.id.yaml</c>) words the same check-ins, the same days.
    /// </summary>
    public static IReadOnlyList<AfterSaleStep> LoadAfterSale(string directory)
    {
        var steps = AfterSaleOf(YamlContentFile.Open(directory, Name));
        foreach (var (language, file) in YamlContentFile.Translations(directory, Name))
        {
            var translated = AfterSaleOf(file);
            if (!translated.Select(s => s.Days).SequenceEqual(steps.Select(s => s.Days)))
                throw file.Error(file.Root, $"afterSale must have the check-ins of {Name}, the same days: {(steps.Count == 0 ? "none" : string.Join(", ", steps.Select(s => s.Days)))}");
            steps = [.. steps.Zip(translated, (step, words) => step with { Translations = new Dictionary<Language, AfterSaleStep>(step.Translations) { [language] = words } })];
        }
        return steps;
    }

    private static List<AfterSaleStep> AfterSaleOf(YamlContentFile file)
    {
        if (!file.Root.Children.TryGetValue(new YamlScalarNode("afterSale"), out var node))
            return [];
        var steps = new List<AfterSaleStep>();
        foreach (var entry in file.As<YamlSequenceNode>(node, "a list of check-ins (days, title, text)"))
        {
            var item = file.As<YamlMappingNode>(entry, "a check-in (a mapping with days, title, text)");
            var days = file.Required<YamlScalarNode>(item, "days");
            if (!int.TryParse(days.Value, out var count) || count is < 1 or > 730)
                throw file.Error(days, $"days must be a whole number from 1 to 730, not '{days.Value}'");
            if (steps.Any(s => s.Days == count))
                throw file.Error(days, $"two check-ins {count} days after the sale");
            steps.Add(new AfterSaleStep(count, file.Text(item, "title"), file.Text(item, "text")));
        }
        return [.. steps.OrderBy(s => s.Days)];
    }

    // "30%" or "30": a whole percent, as a sales lead writes it.
    private static double ReadPercent(YamlContentFile file, YamlScalarNode node) =>
        int.TryParse(node.Value?.TrimEnd('%').Trim(), out var percent) && percent is >= 0 and <= 100
            ? percent / 100.0
            : throw file.Error(node, $"winProbability must be a whole percent from 0 to 100, like 30%, not '{node.Value}'");

    private static int StallAfterDays(YamlContentFile file, YamlMappingNode item)
    {
        var days = file.Required<YamlScalarNode>(item, "stallAfterDays");
        return int.TryParse(days.Value, out var stallAfterDays) && stallAfterDays is >= 1 and <= 365
            ? stallAfterDays
            : throw file.Error(days, $"stallAfterDays must be a whole number of days from 1 to 365, not '{days.Value}'");
    }

    public static DealStage ReadStage(YamlContentFile file, YamlScalarNode node) =>
        StageNames.TryParse(node.Value ?? "", out var stage) && !stage.IsClosed()
            ? stage
            : throw file.Error(node, $"'{node.Value}' is not one of the seven stages ({string.Join(", ", StageNames.Open.Select(s => s.DisplayName()))})");
}
