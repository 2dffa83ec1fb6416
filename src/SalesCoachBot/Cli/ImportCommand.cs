using System.CommandLine;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;
using SalesCoachBot.Import;

namespace SalesCoachBot.Cli;

/// <summary>
/// <c>import deals.csv [--mapping mapping.json] [--skip-invalid] [--encoding latin1]</c>: brings a CRM export in. Every row is
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
        var encoding = new Option<string>("--encoding") { Description = "The file's encoding: utf-8 (default), latin1 or windows-1252", HelpName = "NAME", DefaultValueFactory = _ => ImportText.DefaultEncoding };
        var command = new Command("import", "Bring a CRM export in; nothing is written unless every row is good (or --skip-invalid)") { file, mapping, skipInvalid, encoding };
        command.SetAction(result => ImportAsync(tools, result.GetRequiredValue(file), result.GetValue(mapping), result.GetValue(skipInvalid), result.GetRequiredValue(encoding), output));
        return command;
    }

    private static async Task<int> ImportAsync(ToolHost tools, string file, string? mappingPath, bool skipInvalid, string encodingName, TextWriter output)
    {
        if (!File.Exists(StartDirectory.Resolve(file)))
            return await FailAsync($"No file {StartDirectory.Resolve(file)}.", 2);
        if (ImportText.EncodingNamed(encodingName) is not { } encoding)
            return await FailAsync($"Unknown encoding '{encodingName}'; use utf-8, latin1 or windows-1252.", 2);
        var (text, notDecoded) = ImportText.Decode(await File.ReadAllBytesAsync(StartDirectory.Resolve(file)), encoding);
        if (notDecoded is not null)
        {
            await output.WriteLineAsync($"{file}, {notDecoded}");
            return await FailAsync($"Nothing imported: {notDecoded.Reason}.", 1);
        }
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
            using var reader = new StringReader(text!);
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
