namespace SalesCoachBot.Deals;

/// <summary>The seven stages of the sales cycle, in order, then the two outcomes that close a deal.</summary>
public enum DealStage
{
    Prospecting,
    InitialContact,
    Discovery,
    Proposal,
    Negotiation,
    Closing,
    FollowUp,
    Won,
    Lost,
}

public static class DealStageExtensions
{
    public static bool IsClosed(this DealStage stage) => stage is DealStage.Won or DealStage.Lost;

    public static string DisplayName(this DealStage stage) => stage switch
    {
        DealStage.InitialContact => "Initial contact",
        DealStage.FollowUp => "Follow-up",
        _ => stage.ToString(),
    };
}
