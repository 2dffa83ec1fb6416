using SalesCoachBot.Cli;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Channels.Terminal;

public sealed class ChatCommandTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task PipedInputIsReadALineAtATimeAndTheRepliesPrintedUntilEndOfInput()
    {
        var output = new StringWriter();
        var exitCode = await ChatCommand.RunAsync(["--user", "alice@example.com"],
            new StringReader("new deal Acme Corp $45,000\n\nmove acme to discovery\nyes\nmy deals\n"), output, inputRedirected: true,
            configure: b => b.Configuration["ConnectionStrings:SalesCoach"] = database.ConnectionString);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        Assert.DoesNotContain("you>", text);
        Assert.Contains("New deal: Acme Corp", text);
        Assert.Contains("Acme Corp → Discovery", text);
        Assert.Contains("Acme Corp: Discovery · $45,000 · active today", text);
    }

    [Fact]
    public async Task AtATerminalItGreetsPromptsAndStopsOnExit()
    {
        var output = new StringWriter();
        var exitCode = await ChatCommand.RunAsync(["--user", "alice@example.com"],
            new StringReader("help\nexit\nmy deals\n"), output, inputRedirected: false,
            configure: b => b.Configuration["ConnectionStrings:SalesCoach"] = database.ConnectionString);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        Assert.StartsWith("SalesCoachBot, talking with alice@example.com", text);
        Assert.Contains("you> ", text);
        Assert.DoesNotContain("no open deals", text);
    }

    [Fact]
    public async Task TheChatCommandOfTheBuiltBotCanBeScriptedAndKeepsDealsInTheWorkingDirectory()
    {
        var first = await BotProcess.RunAsync(database.Folder, "new deal Acme Corp $45,000\n", null, "chat", "--user", "alice@example.com");
        var second = await BotProcess.RunAsync(database.Folder, "my deals\n", null, "chat", "--user", "alice@example.com");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.StartsWith("New deal: Acme Corp", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Acme Corp: Prospecting · $45,000", second.Output);
        Assert.True(File.Exists(Path.Combine(database.Folder, "salescoach.db")));
    }

    [Fact]
    public async Task TheSameRepIsFoundByEmailAcrossChatSessions()
    {
        await ChatAsync("Alice@Example.com", "new deal Acme Corp\n");
        var other = await ChatAsync("bob@example.com", "my deals\n");
        var same = await ChatAsync("alice@example.com", "my deals\n");

        Assert.Contains("no open deals", other);
        Assert.Contains("Acme Corp", same);
    }

    private async Task<string> ChatAsync(string user, string input)
    {
        var output = new StringWriter();
        Assert.Equal(0, await ChatCommand.RunAsync(["--user", user], new StringReader(input), output, inputRedirected: true,
            configure: b => b.Configuration["ConnectionStrings:SalesCoach"] = database.ConnectionString));
        return output.ToString();
    }
}
