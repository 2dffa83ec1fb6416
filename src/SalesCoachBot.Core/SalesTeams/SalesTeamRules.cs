using SalesCoachBot.Reps;
namespace SalesCoachBot.SalesTeams;

/// <summary>Who may change teams: admins by e-mail, and whether managers edit their own team.</summary>
public sealed record SalesTeamRules(IReadOnlySet<string> Admins, bool ManagersEditTeams)
{
    public static SalesTeamRules From(IEnumerable<string> admins, bool managersEditTeams) =>
        new(admins.Select(EmailAddress.Normalize).Where(a => a.Length > 0).ToHashSet(), managersEditTeams);

    public bool IsAdmin(Rep rep) => rep.Email is { } email && Admins.Contains(email);
}
