namespace SalesCoachBot.Understanding;

/// <summary>How a reading is offered on a button: "Log a call on Stark Industries", "Move Acme to Closing".</summary>
public static class IntentTitles
{
    public static string Of(Intent intent, string fallback) => intent switch
    {
        LogInteractionIntent { DealQuery: { } deal } log => $"Log a {log.Kind.ToString().ToLowerInvariant()} on {deal}",
        MoveDealIntent { DealQuery.Length: > 0, StageText: "won" } move => $"Mark {move.DealQuery} won",
        MoveDealIntent { DealQuery.Length: > 0, StageText: "lost" } move => $"Mark {move.DealQuery} lost",
        MoveDealIntent { DealQuery.Length: > 0, StageText: MoveDealIntent.NextStage } move => $"Move {move.DealQuery} to the next stage",
        MoveDealIntent { DealQuery.Length: > 0, StageText.Length: > 0 } move => $"Move {move.DealQuery} to {move.StageText}",
        ShowDealIntent { DealQuery: { } deal } => $"Show {deal}",
        EditDealIntent { DealQuery: { } deal } => $"Edit {deal}",
        NewDealIntent { Name.Length: > 0 } create => $"New deal {create.Name}",
        StageTipsIntent { DealQuery.Length: > 0 } tips => $"Tips for {tips.DealQuery}'s stage",
        _ => fallback,
    };
}
