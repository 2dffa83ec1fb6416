namespace SalesCoachBot.Tests.Channels;

/// <summary>The endpoint fuzz tests measure the process's memory, so they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Endpoint fuzzing";
}
