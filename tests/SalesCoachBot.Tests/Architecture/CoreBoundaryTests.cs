using System.Text.RegularExpressions;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Architecture;

/// <summary>The core is a plain class library: channels depend on it, never the other way round.</summary>
public sealed partial class CoreBoundaryTests
{
    [Fact]
    public void TheCoreReferencesNeitherTheBotFrameworkNorAspNetCore()
    {
        var references = typeof(SalesCoachBot.Conversations.ChatTurns).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.Bot", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Newtonsoft", StringComparison.Ordinal));
        var project = File.ReadAllText(RepositoryRoot.File("src", "SalesCoachBot.Core", "SalesCoachBot.Core.csproj"));
        Assert.DoesNotContain("FrameworkReference", project);
        Assert.DoesNotContain("BotFrameworkPackages.props", project);
    }

    [Fact]
    public void TheCoreReferencesNoDatabaseProvider()
    {
        var references = typeof(SalesCoachBot.Persistence.SalesCoachDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Microsoft.EntityFrameworkCore.Relational", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || name.StartsWith("Npgsql", StringComparison.Ordinal));
        var project = File.ReadAllText(RepositoryRoot.File("src", "SalesCoachBot.Core", "SalesCoachBot.Core.csproj"));
        Assert.DoesNotContain("Microsoft.EntityFrameworkCore.Sqlite", project);
        Assert.DoesNotContain("Npgsql", project);
    }

    [Fact]
    public void NoCoreFileKnowsAChannelByName()
    {
        var core = Path.GetDirectoryName(RepositoryRoot.File("src", "SalesCoachBot.Core", "SalesCoachBot.Core.csproj"))!;
        var offending = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(core, f), Line: i + 1, Text: line)))
            .Where(l => ChannelCoupling().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offending);
    }

    // A channel id as a literal, a Bot Framework type or namespace.
    [GeneratedRegex(@"""(?i:msteams|slack|emulator|webchat)""|\bI?TurnContext\b|\bIActivity\b|(?<![\w.])Activity(?!\w)|Microsoft\.Bot\.")]
    private static partial Regex ChannelCoupling();
}
