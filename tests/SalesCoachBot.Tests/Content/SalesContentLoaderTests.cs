using SalesCoachBot.Content;
using SalesCoachBot.Deals;

using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Content;

public sealed class SalesContentLoaderTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("salescoach-content-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void TheShippedContentCoversEverySalesStage()
    {
        var content = TestContent.Shipped;

        foreach (var stage in StageNames.All.Where(s => !s.IsClosed()))
        {
            var guide = content.For(stage);
            Assert.NotEmpty(guide.Goal);
            Assert.NotEmpty(guide.NextBestAction);
            Assert.NotEmpty(guide.Tips);
            Assert.InRange(guide.StallAfterDays, 1, 60);
        }
    }

    [Theory]
    [InlineData("stages:\n  - stage: Prospecting\n   goal: misaligned\n", "line 3")]
    [InlineData("stages:\n  - stage: Qualification\n", "line 2: 'Qualification' is not one of the seven stages")]
    [InlineData("stages:\n  - stage: Prospecting\n    goal: x\n", "line 2: 'stallAfterDays' is missing")]
    [InlineData("stages:\n  - stage: Prospecting\n    goal: x\n    stallAfterDays: 0\n", "line 4: stallAfterDays must be a whole number of days from 1 to 365")]
    [InlineData("stages:\n  - stage: Prospecting\n    goal: \"\"\n    stallAfterDays: 3\n", "line 3: 'goal' must not be empty")]
    [InlineData("stages:\n  - stage: Prospecting\n    goal: x\n    exitCriteria: [a]\n    nextBestAction: y\n    tips:\n      - Trade: don't concede\n    stallAfterDays: 3\n", "line 7: expected a line of text in 'tips'")]
    [InlineData("other: 1\n", "'stages' is missing")]
    public void ABrokenFileIsReportedWithItsLineAndProblem(string yaml, string expected)
    {
        File.WriteAllText(Path.Combine(folder.FullName, "stages.yaml"), yaml);

        var error = Assert.Throws<ContentException>(() => TestContent.Load(folder.FullName));

        Assert.Contains("stages.yaml", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AMissingStageIsNamed()
    {
        var shipped = File.ReadAllText(Path.Combine(TestContent.Folder, "stages.yaml"));
        var withoutClosing = shipped[..shipped.IndexOf("  - stage: Closing", StringComparison.Ordinal)] +
                             shipped[shipped.IndexOf("  - stage: Follow-up", StringComparison.Ordinal)..];
        File.WriteAllText(Path.Combine(folder.FullName, "stages.yaml"), withoutClosing);

        var error = Assert.Throws<ContentException>(() => TestContent.Load(folder.FullName));

        Assert.Contains("missing stage(s): Closing", error.Message);
    }

    [Theory]
    [InlineData("objections.yaml", "  - id: price\n", "  - id: Price!\n", "objections.yaml, line 13: id 'Price!' must be lowercase letters and hyphens")]
    [InlineData("objections.yaml", "    examples:\n      - \"told to call back next quarter\"\n", "    examples:\n      - \"told to call back next quarter\"\n      - \"they said it's way too expensive for what it does\"\n", "example \"they said it's way too expensive for what it does\" is given for both 'price' and 'timing'")]
    [InlineData("understanding.yaml", "  - id: log\n", "  - id: logging\n", "understanding.yaml, line 8: unknown intent 'logging'")]
    [InlineData("understanding.yaml", "      - \"corvid - left vm\"\n", "      - \"corvid - left vm\"\n      - \"thanks\"\n", "example \"thanks\" is given for both 'log' and 'thanks'")]
    [InlineData("understanding.yaml", "      - \"corvid - left vm\"\n", "      - \"corvid - left vm\"\n      - \"corvid - left vm\"\n", "example \"corvid - left vm\" is listed twice under 'log'")]
    [InlineData("objections.yaml", "      Follow-up: \"If they question", "      Onboarding: \"If they question", "'Onboarding' is not one of the seven stages")]
    [InlineData("goals.yaml", "{goal} reached", "{deal} reached", "goals.yaml, line 27: 'done' uses {deal}; it may use only {goal}, {done}, {target}, {left}, {daysLeft}")]
    [InlineData("goals.yaml", "checkIns:", "checkOuts:", "goals.yaml, line 15: 'checkIns' is missing")]
    public void ABrokenPlaybookOrPhrasingFileIsReportedPrecisely(string file, string find, string replace, string expected)
    {
        foreach (var shipped in Directory.GetFiles(TestContent.Folder))
            File.Copy(shipped, Path.Combine(folder.FullName, Path.GetFileName(shipped)));
        var path = Path.Combine(folder.FullName, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, ReplaceFirst(text, find, replace));

        Assert.Contains(expected, Assert.Throws<ContentException>(() => TestContent.Load(folder.FullName)).Message);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }

    [Fact]
    public void AMissingFolderSaysWhichSettingPointsToIt() =>
        Assert.Contains("Content:Directory", Assert.Throws<ContentException>(() => TestContent.Load(Path.Combine(folder.FullName, "nope"))).Message);
}
