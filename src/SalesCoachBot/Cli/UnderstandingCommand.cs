using System.Text.Json;
using SalesCoachBot.Hosting;
using SalesCoachBot.Understanding.Evaluation;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Cli;

/// <summary>
/// <c>understanding eval FILE.tsv [--json]</c>: how well the bot reads a labelled set (per intent, objection
/// categories, details, confusions, misses). <c>understanding learned [--json]</c>: the phrasings reps taught
/// it by answering "Did you mean…?", to review and move into <c>dialogs/understanding.yaml</c>.
/// </summary>
public static class UnderstandingCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null)
    {
        var options = new CommandLine(args);
        switch (args)
        {
            case ["eval", var file, ..]:
                var path = StartDirectory.Resolve(file);
                if (!File.Exists(path))
                    return Usage($"No such file: {path}");
                LabelledSet set;
                try
                {
                    set = LabelledSet.Parse(await File.ReadAllLinesAsync(path));
                }
                catch (FormatException e)
                {
                    return Usage($"{path}: {e.Message}");
                }
                using (var host = ToolHost.CreateBuilder([], configure).Build())
                {
                    await host.PrepareAsync();
                    await host.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<LearnedExamples>().LoadIntoModelAsync(CancellationToken.None);
                    var report = host.Services.GetRequiredService<UnderstandingEvaluator>().Evaluate(set);
                    await output.WriteAsync(options.Flag("--json") ? JsonSerializer.Serialize(UnderstandingReportJson.From(report), MetricsCommand.Json) + "\n" : UnderstandingReportText.Write(report));
                }
                return 0;
            case ["learned", ..]:
                using (var host = ToolHost.CreateBuilder([], configure).Build())
                {
                    await host.PrepareAsync();
                    await using var scope = host.Services.CreateAsyncScope();
                    var learned = await scope.ServiceProvider.GetRequiredService<LearnedExamples>().ListAsync(CancellationToken.None);
                    if (options.Flag("--json"))
                        await output.WriteLineAsync(JsonSerializer.Serialize(learned.Select(e => new { e.Label, e.Text, e.LearnedAt }), MetricsCommand.Json));
                    else if (learned.Count == 0)
                        await output.WriteLineAsync("Nothing learned yet: reps teach the bot by answering its \"Did you mean…?\" questions.");
                    else
                        foreach (var group in learned.GroupBy(e => e.Label))
                        {
                            await output.WriteLineAsync($"# {group.Key}");
                            foreach (var example in group)
                                await output.WriteLineAsync($"      - {JsonSerializer.Serialize(example.Text)}");
                        }
                }
                return 0;
            default:
                return Usage("");
        }
    }

    private static int Usage(string problem)
    {
        if (problem.Length > 0)
            System.Console.Error.WriteLine(problem);
        System.Console.Error.WriteLine("usage: understanding eval FILE.tsv [--json]   (lines: intent<TAB>message[<TAB>key=value…])\n       understanding learned [--json]");
        return 2;
    }
}
