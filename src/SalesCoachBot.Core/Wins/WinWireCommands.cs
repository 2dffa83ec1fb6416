using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Conversations;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;
using SalesCoachBot.SalesTeams;

namespace SalesCoachBot.Wins;

/// <summary>"post wins here" and "stop posting wins": where a manager's team's won deals are posted.</summary>
public sealed class WinWireCommands(SalesCoachDbContext db, SalesTeamRules rules, TimeProvider time)
{
    public async Task<Reply> StartAsync(RepTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Place is not { IsPersonal: false } place)
            return new("Say this in the team channel where wins should go, with me added there.");
        if (!rules.IsAdmin(turn.Rep) && !await db.IsManagerAsync(turn.Rep, cancellationToken))
            return new("Only a manager can post their team's wins in a channel. Ask an admin to make you one.");
        var wire = await db.WinWires.FirstOrDefaultAsync(w => w.ManagerId == turn.Rep.Id, cancellationToken);
        if (wire is null)
            db.WinWires.Add(wire = new WinWireSubscription { ManagerId = turn.Rep.Id, Channel = place.Channel, ConversationId = place.ConversationId, Address = place.Reference, CreatedAt = time.GetUtcNow() });
        (wire.Channel, wire.ConversationId, wire.Address) = (place.Channel, place.ConversationId, place.Reference);
        await db.SaveChangesAsync(cancellationToken);
        return new("I'll post your team's won deals here from now on: who, what, how much, how long it took and what made the difference. Say \"stop posting wins\" to end it.");
    }

    public async Task<Reply> StopAsync(RepTurn turn, CancellationToken cancellationToken) =>
        await db.WinWires.Where(w => w.ManagerId == turn.Rep.Id).ExecuteDeleteAsync(cancellationToken) > 0
            ? new("I'll stop posting your team's wins.")
            : new("Your team's wins aren't posted anywhere. Say \"post wins here\" in a team channel to start.");
}
