using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;
using SalesCoachBot.Import;

namespace SalesCoachBot.Cli;

/// <summary>
/// <c>import deals.csv [--mapping mapping.json] [--skip-invalid]</c>: brings a CRM export in. Every row is
/// checked first; nothing is written unless all are good, or with --skip-invalid the good ones are.
/// Relative paths are read from the folder the command was started in (<see cref="StartDirectory"/>).
/// </summary>
public static class ImportCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var file = BotCommandLine.FileArgument("file", "The CRM export, a CSV file (relative paths: from the folder the command is run in)");
        var mapping = new Option<string?>("--mapping") { Description = "A JSON file naming the export's columns and stages", HelpName = "FILE" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the good rows even when some have problems" };
        var command = new Command("import", "Bring a CRM export in; nothing is written unless every row is good (or --skip-invalid)") { file, mapping, skipInvalid };
        command.SetAction(result => ImportAsync(tools, result.GetRequiredValue(file), result.GetValue(mapping), result.GetValue(skipInvalid), output));
        return command;
    }

    private static async Task<int> ImportAsync(ToolHost tools, string file, string? mappingPath, bool skipInvalid, TextWriter output)
    {
        if (!File.Exists(StartDirectory.Resolve(file)))
            return await FailAsync($"No file {StartDirectory.Resolve(file)}.", 2);
        var mappingFile = mappingPath is null ? null : StartDirectory.Resolve(mappingPath);
        ImportMapping mapping;
        try
        {
            mapping = mappingFile is null ? new ImportMapping() : ImportMapping.Load(mappingFile);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException)
        {
            return await FailAsync($"The mapping file {mappingFile} cannot be read: {e.Message}", 2);
        }

        try
        {
            using var host = tools.CreateBuilder().Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            using var reader = new StreamReader(StartDirectory.Resolve(file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var result = await scope.ServiceProvider.GetRequiredService<DealImporter>().ImportAsync(reader, mapping, skipInvalid, CancellationToken.None);
            foreach (var problem in result.Problems)
                await output.WriteLineAsync($"{file}, {problem}");
            if (!result.Written)
                return await FailAsync($"Nothing imported: {result.Problems.Count} of {result.Rows} rows have problems (listed above). Fix them, or use --skip-invalid to import the good rows.", 1);
            await output.WriteLineAsync($"Imported {result.Created + result.Updated} deals ({result.Created} new, {result.Updated} updated), {result.NewReps} new reps; {result.Problems.Count} rows skipped.");
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or ContentException)
        {
            return await FailAsync($"SalesCoachBot cannot start: {e.Message}", 1);
        }
    }

    private static async Task<int> FailAsync(string message, int exitCode)
    {
        await System.Console.Error.WriteLineAsync(message);
        return exitCode;
    }
}
