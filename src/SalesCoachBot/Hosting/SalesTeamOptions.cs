namespace SalesCoachBot.Hosting;

/// <summary>One entry of the <c>SalesTeams</c> section: a manager and the reps whose stalled deals their digest covers.</summary>
public sealed class SalesTeamOptions
{
    public const string Section = "SalesTeams";

    /// <summary>The manager's e-mail address.</summary>
    public string Manager { get; set; } = "";

    /// <summary>The reps' e-mail addresses.</summary>
    public List<string> Reps { get; set; } = [];
}
