using SalesCoachBot.Content;
using SalesCoachBot.Deals;
using SalesCoachBot.Understanding;
using SalesCoachBot.Languages;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Content;

/// <summary>The Indonesian content beside the English: every intent taught, every stage, category and reply written, or no start.</summary>
public sealed class IndonesianContentTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("salescoach-content-id-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void EveryIntentIsTaughtWithAtLeastFortyIndonesianExamples()
    {
        var indonesian = TestContent.Shipped.Understanding.Translations[Language.Indonesian];

        Assert.Equal(TestContent.Intents.Order(), indonesian.Intents.Select(i => i.Id).Order());
        Assert.All(indonesian.Intents, intent => Assert.True(intent.Examples.Count >= 40, $"{intent.Id}: {intent.Examples.Count} examples"));
        // The model reads them beside the English ones.
        var log = TestContent.Shipped.Understanding.Intents.Single(i => i.Id == IntentIds.Log);
        Assert.Contains("udah follow up ke Acme, next step kirim proposal", log.Examples);
        Assert.Contains("corvid - left vm", log.Examples);
    }

    [Fact]
    public void EveryStageCategoryAndReplyIsWrittenInIndonesian()
    {
        var content = TestContent.Shipped;

        foreach (var stage in StageNames.Open)
        {
            var guide = content.For(stage).In(Language.Indonesian);
            Assert.NotSame(content.For(stage), guide);
            Assert.Equal(content.For(stage).StallAfterDays, guide.StallAfterDays);
        }
        Assert.All(content.Playbook.Categories, c => Assert.True(c.In(Language.Indonesian).Examples.Count >= 25));
        Assert.Equal("Negosiasi", content.Replies.Stage(Language.Indonesian, DealStage.Negotiation));
        Assert.Equal("Pindah ke Negosiasi", content.Replies.Say(Language.Indonesian, ReplyKeys.ButtonMoveTo, ("stage", "Negosiasi")));
    }

    [Theory]
    [InlineData("negosiasi", DealStage.Negotiation)]
    [InlineData("penawaran", DealStage.Proposal)]
    [InlineData("kontak awal", DealStage.InitialContact)]
    [InlineData("tindak lanjut", DealStage.FollowUp)]
    [InlineData("penemuan", DealStage.Discovery)]
    [InlineData("prospek", DealStage.Prospecting)]
    [InlineData("penutupan", DealStage.Closing)]
    [InlineData("menang", DealStage.Won)]
    [InlineData("kalah", DealStage.Lost)]
    public void StagesAreKnownByTheirIndonesianNames(string name, DealStage stage)
    {
        Assert.True(new SalesCoachBot.Understanding.StageFinder(TestContent.Shipped).TryRead(name, out var read));
        Assert.Equal(stage, read);
    }

    [Theory]
    [InlineData("understanding.id.yaml", "  - id: snooze\n", "  - id: snoozing\n", "understanding.id.yaml, line 741: unknown intent 'snoozing'")]
    [InlineData("understanding.id.yaml", "  - id: not-a-fit\n", "  - id: not-fit\n", "the lost reasons must be those of understanding.yaml: missing not-a-fit, unknown not-fit")]
    [InlineData("objections.id.yaml", "  - id: contract\n", "  - id: legal\n", "the objections must be those of objections.yaml: missing contract, unknown legal")]
    [InlineData("stages.id.yaml", "  - stage: Closing\n", "  - stage: Follow-up\n", "stages.id.yaml, line")]
    [InlineData("replies.id.yaml", "  note-tip: \"Tips: {tip}\"\n", "", "the keys must be those of replies.yaml: missing note-tip")]
    [InlineData("replies.id.yaml", "  note-tip: \"Tips: {tip}\"\n", "  note-tip: \"Tips: {saran}\"\n", "'note-tip' must have the placeholders of replies.yaml: {tip}")]
    [InlineData("goals.id.yaml", "  steadyWeek:\n", "  steadyWeeks:\n", "the keys must be those of goals.yaml: missing checkIns.steadyWeek, unknown checkIns.steadyWeeks")]
    [InlineData("goals.id.yaml", "    - 50 telepon seminggu\n", "", "goals.suggestions must list as many goals as goals.yaml (4)")]
    [InlineData("stages.id.yaml", "  - days: 90\n", "  - days: 60\n", "afterSale must have the check-ins of stages.yaml, the same days: 30, 90")]
    public void StartUpRefusesALanguageThatDoesNotCoverTheSameContent(string file, string find, string replace, string expected)
    {
        foreach (var shipped in Directory.GetFiles(TestContent.Folder))
            File.Copy(shipped, Path.Combine(folder.FullName, Path.GetFileName(shipped)));
        var path = Path.Combine(folder.FullName, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        File.WriteAllText(path, text[..at] + replace + text[(at + find.Length)..]);

        Assert.Contains(expected, Assert.Throws<ContentException>(() => TestContent.Load(folder.FullName)).Message);
    }

    [Fact]
    public void WithoutIndonesianFilesTheBotSpeaksEnglishAlone()
    {
        foreach (var shipped in Directory.GetFiles(TestContent.Folder).Where(f => !f.EndsWith(".id.yaml", StringComparison.Ordinal)))
            File.Copy(shipped, Path.Combine(folder.FullName, Path.GetFileName(shipped)));

        var content = TestContent.Load(folder.FullName);

        Assert.Empty(content.Understanding.Translations);
        Assert.Equal("Undo", content.Replies.Say(Language.Indonesian, ReplyKeys.ButtonUndo));
    }
}
