namespace SalesCoachBot.Deals;

/// <summary>What a rep said about a deal to create.</summary>
public sealed record NewDeal(string Name, Money? Value)
{
    public string? Account { get; init; }
    public DateOnly? ExpectedClose { get; init; }
    public DealStage? Stage { get; init; }
}
