using System.CommandLine;
using SalesCoachBot.Hosting;
using SalesCoachBot.Import;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Cli;

/// <summary><c>export --format csv|json [--output FILE]</c>: every deal, as <see cref="DealExporter"/> writes it.</summary>
public static class ExportCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var format = new Option<string>("--format") { Description = "csv: one row a deal; json: one object a deal", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var path = new Option<string?>("--output") { Description = "Write to this file instead of stdout", HelpName = "FILE" };
        var command = new Command("export", "Every deal with its owner, dates, close reason, latest next step and stage history") { format, path };
        command.SetAction(result => ExportAsync(tools, result.GetRequiredValue(format), result.GetValue(path), output));
        return command;
    }

    private static async Task<int> ExportAsync(ToolHost tools, string format, string? path, TextWriter output)
    {
        using var host = tools.CreateBuilder().Build();
        await host.PrepareAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        await using var file = path is null ? null : new StreamWriter(StartDirectory.Resolve(path));
        await DealExporter.WriteAsync(db, format == "json" ? ExportFormat.Json : ExportFormat.Csv, file ?? output, CancellationToken.None);
        return 0;
    }
}
