using System.CommandLine;
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
    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var file = BotCommandLine.FileArgument("FILE.tsv", "Labelled messages, a line each: intent<TAB>message[<TAB>key=value…]");
        var evalJson = new Option<bool>("--json") { Description = "JSON instead of text" };
        var eval = new Command("eval", "How well the bot reads a labelled set: per intent, objection categories, details, confusions, misses") { file, evalJson };
        eval.SetAction(result => EvaluateAsync(tools, result.GetRequiredValue(file), result.GetValue(evalJson), output));
        var learnedJson = new Option<bool>("--json") { Description = "JSON instead of YAML-ready lines" };
        var learned = new Command("learned", "The phrasings reps taught the bot by answering \"Did you mean…?\", to review and move into dialogs/understanding.yaml") { learnedJson };
        learned.SetAction(result => LearnedAsync(tools, result.GetValue(learnedJson), output));
        return new Command("understanding", "Measure and review how the bot understands messages") { eval, learned };
    }

    private static async Task<int> EvaluateAsync(ToolHost tools, string file, bool json, TextWriter output)
    {
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
        using var host = tools.CreateBuilder().Build();
        await host.PrepareAsync();
        await host.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<LearnedExamples>().LoadIntoModelAsync(CancellationToken.None);
        var report = host.Services.GetRequiredService<UnderstandingEvaluator>().Evaluate(set);
        await output.WriteAsync(json ? JsonSerializer.Serialize(UnderstandingReportJson.From(report), MetricsCommand.Json) + "\n" : UnderstandingReportText.Write(report));
        return 0;
    }

    private static async Task<int> LearnedAsync(ToolHost tools, bool json, TextWriter output)
    {
        using var host = tools.CreateBuilder().Build();
        await host.PrepareAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var learned = await scope.ServiceProvider.GetRequiredService<LearnedExamples>().ListAsync(CancellationToken.None);
        if (json)
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
        return 0;
    }

    private static int Usage(string problem)
    {
        System.Console.Error.WriteLine(problem);
        System.Console.Error.WriteLine("usage: understanding eval FILE.tsv [--json]   (lines: intent<TAB>message[<TAB>key=value…])");
        return 2;
    }
}
