using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Digests;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.Reps;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.SalesTeams;

/// <summary>
/// Teams, managers and stalled-deal digests by chat. Admins (<see cref="SalesTeamRules.Admins"/>) decide who manages whom;
/// managers build their own team (when <see cref="SalesTeamRules.ManagersEditTeams"/>) and own their digests; reps change
/// neither. Every change is written to the audit.
/// </summary>
public sealed class SalesTeamCommands(SalesCoachDbContext db, IScheduleChanges schedule, TimeProvider time, SalesTeamRules rules)
{
    private const string NotAManager = "Only a manager can {0}. Ask an admin to make you one.";
    private const string ManagersMayNotEditTeams = "Only an admin can change teams here.";

    public async Task<Reply> SubscribeDigestAsync(RepTurn turn, SubscribeDigestIntent intent, CancellationToken cancellationToken)
    {
        if (turn.Place is not { IsPersonal: false } place)
            return new("Say this in the team channel where the digest should go, with me added there.");
        if (!rules.IsAdmin(turn.Rep) && !await db.IsManagerAsync(turn.Rep, cancellationToken))
            return new(string.Format(NotAManager, "subscribe a channel to the digest"));
        var subscription = await db.DigestSubscriptions.FirstOrDefaultAsync(d => d.ConversationId == place.ConversationId && d.ManagerId == turn.Rep.Id, cancellationToken);
        if (subscription is null)
            db.DigestSubscriptions.Add(subscription = new DigestSubscription
            {
                Channel = place.Channel,
                ConversationId = place.ConversationId,
                Address = place.Reference,
                TimeZone = turn.Clock.Zone.Id,
                CreatedAt = time.GetUtcNow(),
            });
        (subscription.ManagerId, subscription.Day, subscription.Hour, subscription.Address, subscription.TimeZone) =
            (turn.Rep.Id, intent.Day, intent.Hour, place.Reference, turn.Clock.Zone.Id);
        Audit(turn, $"posts {turn.Rep.Name()}'s digest here every {intent.Day} at {intent.Hour:00}:00 ({turn.Clock.Zone.Id})");
        await db.SaveChangesAsync(cancellationToken);
        schedule.Changed();
        var members = await db.Reps.CountAsync(r => r.ManagerId == turn.Rep.Id, cancellationToken);
        return new($"I'll post the stalled-deal digest here every {intent.Day} at {intent.Hour:00}:00 ({turn.Clock.Zone.Id})."
                   + (members == 0 ? " Your team is empty so far: add reps with \"add alice@example.com to my team\"." : $" It covers your team of {members}."));
    }

    /// <summary>
    /// Stops a digest. In a channel: the speaker's own digest there, or (an admin) everyone's, or the one whose manager or
    /// day the message names. Elsewhere, or naming a channel: the speaker's digests wherever they post (an admin may name
    /// another manager's), one at a time unless the message says all of them.
    /// </summary>
    public async Task<Reply> StopDigestAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        var target = DigestTarget.Read(turn.Text);
        var admin = rules.IsAdmin(turn.Rep);
        Rep? named = null;
        if (target.OwnerEmail is { } email && (named = await db.Reps.FirstOrDefaultAsync(r => r.Email == email, cancellationToken)) is null)
            return new($"{email} has no digest to stop.");
        if (turn.Place is { IsPersonal: false } place && target.ChannelName is null)
            return await StopHereAsync(turn, place, target, named, admin, cancellationToken);

        var owner = named ?? turn.Rep;
        if (owner.Id != turn.Rep.Id && !admin)
            return new($"Only {owner.Name()} or an admin can stop {owner.Name()}'s digests.");
        var theirs = (await db.DigestSubscriptions.Where(d => d.ManagerId == owner.Id).ToListAsync(cancellationToken))
            .OrderBy(d => ((int)d.Day + 6) % 7).ThenBy(d => d.Hour).ThenBy(d => d.Id).ToList(); // the week from Monday
        var whose = owner.Id == turn.Rep.Id ? "your" : owner.Name() + "'s";
        if (theirs.Count == 0)
            return new(owner.Id == turn.Rep.Id ? "You have no digest to stop." : $"{owner.Name()} has no digest to stop.");
        var picked = target.Day is { } day ? theirs.Where(d => d.Day == day).ToList() : theirs;
        if (picked.Count == 0)
            return new($"None of {whose} digests posts on {target.Day}: {Described(theirs, turn)}.");
        if (target.ChannelName is { } channel)
            return new($"I can't tell which channel is #{channel}: say \"stop the digest\" in that channel, or name the day. {Capitalized(whose)} digests: {Described(theirs, turn)}.");
        if (picked.Count > 1 && !target.All)
            return new($"{Capitalized(whose)} digests post {Described(picked, turn)}: name the day (\"stop the {picked[0].Day} digest\"), say it in that channel, or say \"stop all my digests\".");
        var owners = await NamesAsync([owner.Id], cancellationToken);
        return await StopAsync(turn, picked, owners, theirs.Except(picked).ToList(), cancellationToken);
    }

    private async Task<Reply> StopHereAsync(RepTurn turn, ConversationPlace place, DigestTarget target, Rep? named, bool admin, CancellationToken cancellationToken)
    {
        var here = await db.DigestSubscriptions.Where(d => d.ConversationId == place.ConversationId).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        if (here.Count == 0)
            return new("There's no digest posted here.");
        var owners = await NamesAsync(here.Select(d => d.ManagerId), cancellationToken);
        var mine = here.Where(d => d.ManagerId == turn.Rep.Id).ToList();
        var picked = named is not null ? here.Where(d => d.ManagerId == named.Id).ToList()
            : mine.Count > 0 && target.Day is null ? mine
            : here;
        if (named is not null && picked.Count == 0)
            return new($"{named.Name()} has no digest here; {Joined(owners.Values.Distinct())}'s {(owners.Count == 1 ? "does" : "do")}.");
        if (target.Day is { } day && (picked = picked.Where(d => d.Day == day).ToList()).Count == 0)
            return new($"No digest here posts on {day}: {Described(here, turn, owners)}.");
        if (!admin && picked.Any(d => d.ManagerId != turn.Rep.Id))
            return new($"The digest here is {Joined(picked.Select(d => owners[d.ManagerId]).Distinct())}'s: only they or an admin can stop it.");
        return await StopAsync(turn, picked, owners, here.Except(picked).ToList(), cancellationToken);
    }

    private async Task<Reply> StopAsync(RepTurn turn, List<DigestSubscription> stopping, Dictionary<long, string> owners, List<DigestSubscription> remaining, CancellationToken cancellationToken)
    {
        foreach (var subscription in stopping)
            Audit(turn, subscription.ConversationId == turn.Place?.ConversationId
                ? $"stopped {owners[subscription.ManagerId]}'s digest here"
                : $"stopped {owners[subscription.ManagerId]}'s digest in {subscription.Channel}:{subscription.ConversationId} ({subscription.Day} {subscription.Hour:00}:00)");
        db.DigestSubscriptions.RemoveRange(stopping);
        await db.SaveChangesAsync(cancellationToken);
        schedule.Changed();
        if (stopping.All(d => d.ConversationId == turn.Place?.ConversationId))
        {
            var stillHere = remaining.Where(d => d.ConversationId == turn.Place?.ConversationId).Select(d => owners[d.ManagerId]).Distinct().ToList();
            return new(stillHere.Count == 0 ? "Stopped: no more digests in this conversation."
                : stopping.All(d => d.ManagerId == turn.Rep.Id) ? $"Stopped your digest; {Joined(stillHere)}'s still posts here."
                : $"Stopped {Joined(stopping.Select(d => owners[d.ManagerId]).Distinct())}'s digest; {Joined(stillHere)}'s still posts here.");
        }
        return new($"Stopped the digest {Described(stopping, turn)}." + (remaining.Count == 0 ? "" : $" Still posting: {Described(remaining, turn)}."));
    }

    /// <summary>"on Monday at 08:00 in another conversation and on Friday at 16:00 here" (with whose, when several managers' are listed).</summary>
    private static string Described(IEnumerable<DigestSubscription> digests, RepTurn turn, Dictionary<long, string>? owners = null) =>
        Joined(digests.Select(d => (owners is null ? "" : owners[d.ManagerId] + "'s ") + $"on {d.Day} at {d.Hour:00}:00 " + (d.ConversationId == turn.Place?.ConversationId ? "here" : "in another conversation")));

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public async Task<Reply> ChangeAsync(RepTurn turn, TeamIntent intent, CancellationToken cancellationToken)
    {
        var refusal = intent switch
        {
            { AddEmail: { } add } => await AddAsync(turn, EmailAddress.Normalize(add), cancellationToken),
            { RemoveEmail: { } remove } => await RemoveAsync(turn, EmailAddress.Normalize(remove), cancellationToken),
            _ => null,
        };
        if (refusal is not null)
            return new(refusal);
        var team = await db.Reps.Where(r => r.ManagerId == turn.Rep.Id).OrderBy(r => r.DisplayName).Select(r => r.Email ?? r.DisplayName).ToListAsync(cancellationToken);
        return new(team.Count == 0 ? "Your team is empty. Add reps with \"add alice@example.com to my team\"." : $"Your team: {string.Join(", ", team)}.");
    }

    public async Task<Reply> SetManagerAsync(RepTurn turn, ManagerRoleIntent intent, CancellationToken cancellationToken)
    {
        if (!rules.IsAdmin(turn.Rep))
            return new(intent.Manager ? "Only an admin can make someone a manager." : "Only an admin can take away someone's manager role.");
        var email = EmailAddress.Normalize(intent.Email);
        if (intent.Manager)
        {
            var rep = await db.FindOrAddRepAsync(email, time.GetUtcNow(), cancellationToken);
            if (rep.IsManager)
                return new($"{email} is already a manager.");
            var previous = rep.ManagerId is { } managerId ? (await NamesAsync([managerId], cancellationToken))[managerId] : null;
            (rep.IsManager, rep.ManagerId) = (true, null);
            Audit(turn, $"made {email} a manager" + (previous is null ? "" : $", leaving {previous}'s team"));
            await db.SaveChangesAsync(cancellationToken);
            return new($"{email} is now a manager: they add reps with \"add alice@example.com to my team\" and can post the digest in a channel.");
        }
        if (await db.Reps.FirstOrDefaultAsync(r => r.Email == email, cancellationToken) is not { } manager || !await db.IsManagerAsync(manager, cancellationToken))
            return new($"{email} is not a manager.");
        manager.IsManager = false;
        var released = await db.Reps.Where(r => r.ManagerId == manager.Id).ToListAsync(cancellationToken);
        released.ForEach(r => r.ManagerId = null);
        var digests = await db.DigestSubscriptions.Where(d => d.ManagerId == manager.Id).ToListAsync(cancellationToken);
        db.DigestSubscriptions.RemoveRange(digests);
        Audit(turn, $"{email} is no longer a manager; {released.Count} rep(s) left without a team, {digests.Count} digest(s) stopped");
        await db.SaveChangesAsync(cancellationToken);
        if (digests.Count > 0)
            schedule.Changed();
        return new($"{email} is no longer a manager." + (released.Count == 0 ? "" : $" {Joined(released.Select(r => r.Name()))} {(released.Count == 1 ? "has" : "have")} no team now."));
    }

    public async Task<Reply> MoveAsync(RepTurn turn, MoveToTeamIntent intent, CancellationToken cancellationToken)
    {
        if (!rules.IsAdmin(turn.Rep))
            return new("Only an admin can move a rep between teams.");
        var (repEmail, managerEmail) = (EmailAddress.Normalize(intent.RepEmail), EmailAddress.Normalize(intent.ManagerEmail));
        if (repEmail == managerEmail)
            return new("Nobody can be on their own team.");
        if (await db.Reps.FirstOrDefaultAsync(r => r.Email == managerEmail, cancellationToken) is not { } manager || !await db.IsManagerAsync(manager, cancellationToken))
            return new($"{managerEmail} is not a manager; first say \"make {managerEmail} a manager\".");
        var rep = await db.FindOrAddRepAsync(repEmail, time.GetUtcNow(), cancellationToken);
        if (await db.IsManagerAsync(rep, cancellationToken))
            return new($"{repEmail} is a manager; first say \"{repEmail} is no longer a manager\".");
        if (rep.ManagerId == manager.Id)
            return new($"{repEmail} is already on {managerEmail}'s team.");
        var previous = rep.ManagerId is { } previousId ? (await NamesAsync([previousId], cancellationToken))[previousId] : null;
        rep.ManagerId = manager.Id;
        Audit(turn, $"moved {repEmail} " + (previous is null ? "" : $"from {previous}'s team ") + $"to {managerEmail}'s team");
        await db.SaveChangesAsync(cancellationToken);
        return new($"Moved {repEmail} to {managerEmail}'s team.");
    }

    private async Task<string?> AddAsync(RepTurn turn, string email, CancellationToken cancellationToken)
    {
        var admin = rules.IsAdmin(turn.Rep);
        if (email == turn.Rep.Email)
            return "You can't be on your own team, but your own stalled deals are in your digest anyway.";
        if (!admin && await EditingRefusedAsync(turn.Rep, "add reps to a team", cancellationToken) is { } refused)
            return refused;
        var rep = await db.FindOrAddRepAsync(email, time.GetUtcNow(), cancellationToken);
        if (rep.ManagerId == turn.Rep.Id)
            return null;
        if (!admin && await db.IsManagerAsync(rep, cancellationToken))
            return $"{email} is a manager; only an admin changes who manages whom.";
        var previous = rep.ManagerId is { } previousId ? (await NamesAsync([previousId], cancellationToken))[previousId] : null;
        if (!admin && previous is not null)
            return $"{email} is on {previous}'s team; only an admin moves reps between teams.";
        rep.ManagerId = turn.Rep.Id;
        Audit(turn, $"added {email} to {turn.Rep.Name()}'s team" + (previous is null ? "" : $", moving them from {previous}'s team"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<string?> RemoveAsync(RepTurn turn, string email, CancellationToken cancellationToken)
    {
        if (!rules.IsAdmin(turn.Rep) && await EditingRefusedAsync(turn.Rep, "remove reps from a team", cancellationToken) is { } refused)
            return refused;
        if (await db.Reps.FirstOrDefaultAsync(r => r.Email == email && r.ManagerId == turn.Rep.Id, cancellationToken) is not { } rep)
            return $"{email} is not on your team.";
        rep.ManagerId = null;
        Audit(turn, $"removed {email} from {turn.Rep.Name()}'s team");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<string?> EditingRefusedAsync(Rep rep, string action, CancellationToken cancellationToken) =>
        !await db.IsManagerAsync(rep, cancellationToken) ? string.Format(NotAManager, action)
        : !rules.ManagersEditTeams ? ManagersMayNotEditTeams
        : null;

    private void Audit(RepTurn turn, string change) => db.Audit.Add(new AuditEntry
    {
        At = time.GetUtcNow(),
        Actor = turn.Rep.Name(),
        Channel = turn.Place?.Channel ?? "",
        ConversationId = turn.Place?.ConversationId,
        Change = change,
    });

    private async Task<Dictionary<long, string>> NamesAsync(IEnumerable<long> repIds, CancellationToken cancellationToken)
    {
        var ids = repIds.Distinct().ToList();
        return await db.Reps.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Email ?? r.DisplayName, cancellationToken);
    }

    private static string Joined(IEnumerable<string> names) => string.Join(" and ", names);
}
