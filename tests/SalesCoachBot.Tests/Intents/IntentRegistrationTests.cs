using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Content;
using SalesCoachBot.Intents;
using SalesCoachBot.Replies;
using SalesCoachBot.Tests.Infrastructure;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Tests.Intents;

/// <summary>
/// A new intent is one registration and its examples, nothing else: the bot understands and answers it,
/// and refuses to start when the two do not match.
/// </summary>
public sealed class IntentRegistrationTests : IDisposable
{
    private const string Label = "coffee-order";

    private readonly TempDatabase database = new();
    private readonly string content = Directory.CreateTempSubdirectory("salescoach-content-").FullName;

    public IntentRegistrationTests()
    {
        foreach (var shipped in Directory.GetFiles(TestContent.Folder))
            File.Copy(shipped, Path.Combine(content, Path.GetFileName(shipped)));
    }

    private sealed record CoffeeIntent(string Drink) : Intent;

    private static readonly IntentRegistration Coffee = new IntentRegistration<CoffeeIntent>(Label)
    {
        Read = (_, text) => new CoffeeIntent(text.Message.Split(' ')[^1]),
        Act = IntentRegistration<CoffeeIntent>.Answer((_, order) => new Reply($"One {order.Drink} coming up.")),
    };

    [Fact]
    public async Task AnIntentAddedByItsRegistrationAndExamplesIsUnderstoodAndAnswered()
    {
        WithCoffeeExamples();
        await using var bot = await StartAsync(withCoffee: true);

        await bot.Flow()
            .Send("could you order me a cappuccino")
            .AssertReply(reply => Assert.Equal("One cappuccino coming up.", reply.Text))
            .Send("my deals")
            .AssertReply(reply => Assert.DoesNotContain("coming up", reply.Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task ExamplesForAnIntentWithNoRegistrationStopStartUpWithOneLineNamingIt()
    {
        WithCoffeeExamples();

        var error = await Assert.ThrowsAsync<ContentException>(() => StartAsync(withCoffee: false));

        Assert.Matches(@"understanding\.yaml, line \d+: unknown intent 'coffee-order'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task ARegistrationWithNoExamplesStopsStartUpWithOneLineNamingIt()
    {
        var error = await Assert.ThrowsAsync<ContentException>(() => StartAsync(withCoffee: true));

        Assert.Contains("no examples for intent(s): coffee-order", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void TwoRegistrationsOfOneLabelAreRefused() =>
        Assert.Contains($"'{Label}' is registered twice", Assert.Throws<InvalidOperationException>(() => new IntentTable([Coffee, Coffee])).Message);

    [Fact]
    public void EveryBuiltInReadingIsClaimedByExactlyOneRegistration()
    {
        var table = new IntentTable(TestRecognizer.Services(TestRecognizer.Model()).GetServices<IntentRegistration>());
        Intent[] readings =
        [
            new MoveDealIntent("Acme", "won"), new MoveDealIntent("Acme", "Closed Lost"), new MoveDealIntent("Acme", "proposal"),
            new ManagerRoleIntent("carol@example.com", true), new MoveToTeamIntent("bob@example.com", "carol@example.com"),
            new LastActivityIntent(true), new LogInteractionIntent(Interactions.InteractionKind.Call, "Acme", null, "called"),
        ];
        Assert.All(readings, reading => Assert.Single(table.Labels, label => table.Find(label)!.Claims(reading)));
        Assert.Equal(["won", "lost", "move", "team", "team", "log", "log"], readings.Select(table.LabelOf));
    }

    private Task<BotHarness> StartAsync(bool withCoffee) =>
        BotHarness.StartAsync(database.ConnectionString, settings: new Dictionary<string, string?> { ["Content:Directory"] = content },
            services: withCoffee ? s => s.AddIntent(Coffee) : null);

    private void WithCoffeeExamples()
    {
        var file = Path.Combine(content, UnderstandingFile.Name);
        var text = File.ReadAllText(file);
        var at = text.IndexOf("\nlostReasons:", StringComparison.Ordinal);
        const string coffee = """
              - id: coffee-order
                label: Order a coffee
                examples:
                  - "order me a flat white"
                  - "get me a latte please"
                  - "i'd love a cappuccino right now"
                  - "can you grab me an espresso"
                  - "coffee order: oat milk latte"
                  - "one americano for me please"
                  - "could you fetch me a mocha"
                  - "i need a double espresso"

            """;
        File.WriteAllText(file, text[..(at + 1)].TrimEnd('\n') + "\n" + coffee + text[(at + 1)..]);
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(content, recursive: true);
    }
}
