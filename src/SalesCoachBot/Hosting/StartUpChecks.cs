using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Persistence;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.Hosting;

public static class StartUpChecks
{
    /// <summary>
    /// Everything that must hold before the first message: settings valid, sales content readable,
    /// database created or upgraded. Throws <see cref="OptionsValidationException"/> or
    /// <see cref="ContentException"/> with the setting or file at fault.
    /// </summary>
    public static async Task PrepareAsync(this IHost host)
    {
        var services = host.Services;
        var model = BuildDatabaseModelAsync(services); // on another core meanwhile: the first use of the database waits for it
        services.GetService<IStartupValidator>()?.Validate();
        _ = services.GetRequiredService<SalesContent>();
        var teams = services.GetRequiredService<IConfiguration>().GetSection(SalesTeamOptions.Section).Get<List<SalesTeamOptions>>() ?? [];
        if (teams.Any(t => !t.Manager.Contains('@') || t.Reps.Any(r => !r.Contains('@'))))
            throw new OptionsValidationException(SalesTeamOptions.Section, typeof(SalesTeamOptions), ["SalesTeams entries need e-mail addresses: { \"Manager\": \"carol@example.com\", \"Reps\": [\"alice@example.com\"] }."]);
        await model;
        // The configured teams are written by one host at a time (two hosts starting together would both add a rep).
        await services.PrepareDatabaseAsync(scoped =>
            scoped.GetRequiredService<SalesTeamRoster>().ApplyAsync(teams.Select(t => (t.Manager, (IReadOnlyList<string>)t.Reps)), CancellationToken.None));
    }

    private static Task BuildDatabaseModelAsync(IServiceProvider services) => Task.Run(async () =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SalesCoachDbContext>>().CreateDbContextAsync();
        _ = db.Model;
    });
}
