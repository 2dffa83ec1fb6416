namespace SalesCoachBot.Content;

/// <summary>Reads and checks the files in the content directory; any problem stops start-up with its place.</summary>
public static class SalesContentLoader
{
    /// <summary>The content in <paramref name="directory"/>, its examples checked against the registered intents' labels.</summary>
    public static SalesContent Load(string directory, IReadOnlyCollection<string> intents) =>
        new(StagesFile.Load(directory), ObjectionsFile.Load(directory), GoalsFile.Load(directory), UnderstandingFile.Load(directory, intents))
        {
            AfterSale = StagesFile.LoadAfterSale(directory),
        };
}
