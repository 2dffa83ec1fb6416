using SalesCoachBot.Content;
using SalesCoachBot.Deals;

namespace SalesCoachBot.Tests.Content;

public sealed class SalesContentLoaderTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("salescoach-content-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void TheShippedContentCoversEverySalesStage()
    {
        var content = SalesContentLoader.Load(Path.Combine(AppContext.BaseDirectory, "dialogs"));

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

        var error = Assert.Throws<ContentException>(() => SalesContentLoader.Load(folder.FullName));

        Assert.Contains("stages.yaml", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AMissingStageIsNamed()
    {
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dialogs", "stages.yaml"));
        var withoutClosing = shipped[..shipped.IndexOf("  - stage: Closing", StringComparison.Ordinal)] +
                             shipped[shipped.IndexOf("  - stage: Follow-up", StringComparison.Ordinal)..];
        File.WriteAllText(Path.Combine(folder.FullName, "stages.yaml"), withoutClosing);

        var error = Assert.Throws<ContentException>(() => SalesContentLoader.Load(folder.FullName));

        Assert.Contains("missing stage(s): Closing", error.Message);
    }

    [Fact]
    public void AMissingFolderSaysWhichSettingPointsToIt() =>
        Assert.Contains("Content:Directory", Assert.Throws<ContentException>(() => SalesContentLoader.Load(Path.Combine(folder.FullName, "nope"))).Message);
}
