using SalesCoachBot.Content;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>The sales content that ships in dialogs/, as the build copies it beside the tests.</summary>
public static class TestContent
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "dialogs");

    public static SalesContent Shipped { get; } = SalesContentLoader.Load(Folder);
}
