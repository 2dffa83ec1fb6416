namespace SalesCoachBot.Content;

/// <summary>Reads and checks the files in the content directory; any problem stops start-up with its place.</summary>
public static class SalesContentLoader
{
    public const string StagesFile = Content.StagesFile.Name;

    public static SalesContent Load(string directory) =>
        new(Content.StagesFile.Load(directory), ObjectionsFile.Load(directory), GoalsFile.Load(directory));
}
