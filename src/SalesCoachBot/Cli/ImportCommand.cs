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
    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null)
    {
        var options = new CommandLine(args);
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a != options.Value("--mapping"));
        if (file is null)
            return await FailAsync("Which file? Usage: import deals.csv [--mapping mapping.json] [--skip-invalid]", 2);
        if (!File.Exists(StartDirectory.Resolve(file)))
            return await FailAsync($"No file {StartDirectory.Resolve(file)}.", 2);
        var mappingFile = options.Value("--mapping") is { } given ? StartDirectory.Resolve(given) : null;
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
            using var host = ToolHost.CreateBuilder([], configure).Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            using var reader = new StreamReader(StartDirectory.Resolve(file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var result = await scope.ServiceProvider.GetRequiredService<DealImporter>().ImportAsync(reader, mapping, options.Flag("--skip-invalid"), CancellationToken.None);
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
