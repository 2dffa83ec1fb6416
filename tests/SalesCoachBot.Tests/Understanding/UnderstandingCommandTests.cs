using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Cli;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Understanding.Learning;
using static SalesCoachBot.Tests.Infrastructure.ReplyAssert;

namespace SalesCoachBot.Tests.Understanding;

/// <summary><c>understanding eval</c> and <c>understanding learned</c>, on the bot's own database and content.</summary>
public sealed class UnderstandingCommandTests : BotTest
{
    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var connectionString = Bot.Database().Database.GetConnectionString()!;
        var output = new StringWriter();
        var exitCode = await UnderstandingCommand.RunAsync(args, output, b => b.Configuration["ConnectionStrings:SalesCoach"] = connectionString);
        return (exitCode, output.ToString());
    }

    private static string LabelledFile(params string[] lines)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("salescoach-eval-").FullName, "set.tsv");
        File.WriteAllLines(path, ["# deals: Stark Industries; Acme Corp", "# now: 2026-03-04T10:00", .. lines]);
        return path;
    }

    [Fact]
    public async Task EvalReportsAccuracyPerLabelTheConfusionsAndEveryMiss()
    {
        var file = LabelledFile(
            "log\tcalled stark yesterday, they want pricing by friday\tdeal=Stark Industries\tkind=Call\tdate=2026-03-03",
            "won\tsigned acme this morning\tdeal=Acme Corp",
            "list-deals\tmy deals",
            "pipeline\tcalled acme today");

        var (exitCode, output) = await RunAsync("eval", file);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("4 messages: 75.0 % right", output);
        Assert.Contains("  log ", output);
        Assert.Contains("pipeline → log", output);
        Assert.Contains("line 6: pipeline → log", output);

        var (_, json) = await RunAsync("eval", file, "--json");
        using var report = JsonDocument.Parse(json);
        Assert.Equal(0.75, report.RootElement.GetProperty("accuracy").GetDouble());
        Assert.Equal(1, report.RootElement.GetProperty("misses").GetArrayLength());
    }

    [Fact]
    public async Task ABrokenLabelledFileIsRefusedWithItsLine()
    {
        var (exitCode, _) = await RunAsync("eval", LabelledFile("log called acme without a tab"));

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task WhatRepsTaughtIsListedReadyToPasteAndLoadedIntoTheModelOfTheNextStart()
    {
        await Bot.Flow()
            .Send("new deal Acme Corp").AssertReply(Contains("New deal"))
            .Send("the acme thing").AssertReply(Contains("Did you mean"))
            .Send("Show Acme Corp").AssertReply(Contains("Stage: Prospecting"))
            .StartTestAsync();

        var (exitCode, output) = await RunAsync("learned");
        Assert.Equal(0, exitCode);
        Assert.Contains("# show-deal\n      - \"the acme thing\"", output.ReplaceLineEndings("\n"));

        var fresh = TestRecognizer.Model();
        await using (var scope = Bot.Host.Services.CreateAsyncScope())
            await new LearnedExamples(scope.ServiceProvider.GetRequiredService<SalesCoachBot.Persistence.SalesCoachDbContext>(), fresh, TimeProvider.System)
                .LoadIntoModelAsync(CancellationToken.None);
        var reading = TestRecognizer.Create(fresh).Read("the acme thing", new SalesCoachBot.Understanding.RecognitionContext(new DateTime(2026, 3, 2), ["Acme Corp"]));
        Assert.True(reading.Sure);
        Assert.IsType<SalesCoachBot.Understanding.ShowDealIntent>(reading.Intent);
    }
}
