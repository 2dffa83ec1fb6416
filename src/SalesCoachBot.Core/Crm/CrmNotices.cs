using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Outbox;
using SalesCoachBot.Persistence;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Crm;

/// <summary>Tells a rep what became of a change they made (refused by the CRM, or overtaken there): once per key.</summary>
public static class CrmNotices
{
    public static async Task TellAsync(SalesCoachDbContext db, OutboxWriter outbox, long repId, string key, string text, CancellationToken cancellationToken)
    {
        var account = await db.RepAccounts.AsNoTracking().Where(a => a.RepId == repId && a.Address != null && a.UnreachableAt == null)
            .OrderByDescending(a => a.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
            return; // never reachable unprompted: `crm status` still lists the failed write
        var name = await db.Reps.Where(r => r.Id == repId).Select(r => r.DisplayName).FirstAsync(cancellationToken);
        await outbox.WriteAsync([new PlannedMessage($"crm:{key}", MessageKind.Reply, repId, name, account.Channel, account.Address!, new Reply(text))], cancellationToken);
    }

    public static string FieldName(CrmField field) => field switch
    {
        CrmField.CloseDate => "expected close",
        CrmField.CloseReason => "close reason",
        CrmField.NextStep => "next step",
        _ => field.ToString().ToLowerInvariant(),
    };
}
