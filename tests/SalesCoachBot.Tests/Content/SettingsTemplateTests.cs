using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SalesCoachBot.Tests.Infrastructure;

namespace SalesCoachBot.Tests.Content;

public sealed class SettingsTemplateTests
{
    [Fact]
    public void TheTemplateDocumentsEverySettingTheBotShipsWith()
    {
        var shipped = Load(RepositoryRoot.File("src", "SalesCoachBot", "appsettings.json"));
        var template = Load(RepositoryRoot.File("appsettings.template.json"));

        Assert.Empty(shipped.Keys.Except(template.Keys));
        Assert.Empty(template.Keys.Except(shipped.Keys));
    }

    [Fact]
    public void EverySettingInTheTemplateHasADescription()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("appsettings.template.json"));
        var setting = new Regex("^\"[^\"]+\": [^{\\[]");
        for (var i = 0; i < lines.Length; i++)
        {
            if (!setting.IsMatch(lines[i].Trim()))
                continue;
            // A run of settings may share the comment above the first of them.
            var above = i - 1;
            while (above >= 0 && setting.IsMatch(lines[above].Trim()))
                above--;
            Assert.True(above >= 0 && lines[above].Trim().StartsWith("//"), $"appsettings.template.json line {i + 1} has no description: {lines[i].Trim()}");
        }
    }

    [Fact]
    public void NoSecretHasAValueInTheRepository()
    {
        var template = Load(RepositoryRoot.File("appsettings.template.json"));
        var shipped = Load(RepositoryRoot.File("src", "SalesCoachBot", "appsettings.json"));
        foreach (var settings in new[] { template, shipped })
            foreach (var secret in new[] { "MicrosoftAppPassword", "Slack:SigningSecret", "Slack:BotToken", "Slack:AppToken" })
                Assert.Equal("", settings[secret]);
    }

    private static Dictionary<string, string?> Load(string path) =>
        new ConfigurationBuilder().AddJsonFile(path).Build().AsEnumerable()
            .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
}
