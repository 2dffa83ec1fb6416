using SalesCoachBot.Cli;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Terminal;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task TheHelpOfAVerbListsItsOptionsWithoutStartingAnything()
    {
        var output = new StringWriter();

        Assert.Equal(0, await ImportCommand.RunAsync(["--help"], output));

        Assert.Contains("import <file> [options]", output.ToString());
        Assert.Contains("--mapping <FILE>", output.ToString());
        Assert.Contains("--skip-invalid", output.ToString());
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task TheBuiltBotListsItsCommandsAndEachCommandsOptions()
    {
        var root = await BotProcess.RunAsync(database.Folder, null, null, "--help");
        var export = await BotProcess.RunAsync(database.Folder, null, null, "export", "--help");
        var preview = await BotProcess.RunAsync(database.Folder, null, null, "jobs", "preview", "--help");

        Assert.Equal((0, 0, 0), (root.ExitCode, export.ExitCode, preview.ExitCode));
        Assert.All(["chat", "import", "export", "metrics", "link", "understanding", "jobs"], verb => Assert.Contains($"  {verb} ", root.Output));
        Assert.Contains("--format <csv|json>", export.Output);
        Assert.Contains("--output <FILE>", export.Output);
        Assert.Contains("--at <MOMENT> (REQUIRED)", preview.Output);
    }

    [Theory]
    [InlineData("metrics", "--bogus")]
    [InlineData("import", "--bogus", "deals.csv")]
    [InlineData("chat", "--usr", "alice@example.com")]
    public async Task AnUnknownOptionOfAVerbIsNamedAndTheExitCodeIsNotZero(params string[] args)
    {
        var result = await BotProcess.RunAsync(database.Folder, "", null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{args[1]}'", result.Error);
        Assert.False(File.Exists(database.Path));
    }

    [Theory]
    [InlineData("frobnicate", "unknown command 'frobnicate'. The commands are: chat, import, export")]
    [InlineData("exprot", "unknown command 'exprot'. Did you mean 'export'?")]
    public async Task AnUnknownVerbIsAUsageErrorNotABotStart(string verb, string error)
    {
        var result = await BotProcess.RunAsync(database.Folder, "", null, verb, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(error, result.Error);
        Assert.False(File.Exists(database.Path));
    }

    [Fact]
    public async Task AMissingOptionIsNamed()
    {
        var result = await BotProcess.RunAsync(database.Folder, null, null, "jobs", "preview");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Option '--at' is required.", result.Error);
    }

    [Fact]
    public async Task HostSettingsAfterACommandGoToItsHost()
    {
        var output = new StringWriter();

        Assert.Equal(0, await ExportCommand.RunAsync(["--format", "json", $"--ConnectionStrings:SalesCoach={database.ConnectionString}"], output));

        Assert.Equal("[\n]\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.True(File.Exists(database.Path));
    }
}
