using SalesCoachBot.Content;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The sales content that ships in dialogs/, as the build copies it beside the tests.</summary>
public static class TestContent
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "dialogs");

    public static IReadOnlyCollection<string> Intents { get; } = SalesCoachCoreServices.BuiltInIntentLabels();

    public static SalesContent Shipped { get; } = Load(Folder);

    /// <summary>Content from a folder, checked against the built-in intents as the bot checks it.</summary>
    public static SalesContent Load(string folder) => SalesContentLoader.Load(folder, Intents);
}
