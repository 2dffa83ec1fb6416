namespace SalesCoachBot.Content;

/// <summary>Reads and checks the files in the content directory; any problem stops start-up with its place.</summary>
public static class SalesContentLoader
{
    public static SalesContent Load(string directory) =>
        new(StagesFile.Load(directory), ObjectionsFile.Load(directory), GoalsFile.Load(directory), UnderstandingFile.Load(directory));
}
