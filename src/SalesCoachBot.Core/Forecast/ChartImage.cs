namespace SalesCoachBot.Forecast;

/// <summary>A chart a card shows by URL, served under an unguessable token until it expires; kept in the database so any host serves it.</summary>
public sealed class ChartImage
{
    public required string Token { get; set; }
    public required byte[] Png { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
