using SalesCoachBot.Deals;

namespace SalesCoachBot.Import;

/// <summary>One CSV row, checked and read into our terms.</summary>
public sealed record ImportRow(int Line, string ExternalId, string Name, string Account, string Owner, DealStage Stage,
    DateTimeOffset? Created, DateTimeOffset? Closed, Money? Value)
{
    /// <summary>When an open deal is expected to close, for the forecast.</summary>
    public DateOnly? ExpectedClose { get; init; }
}

/// <summary>A row that cannot be imported, and why.</summary>
public sealed record ImportProblem(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}

/// <summary>What an import did (or, when problems stopped it, would have done).</summary>
public sealed record ImportResult(int Rows, int Created, int Updated, int NewReps, IReadOnlyList<ImportProblem> Problems, bool Written);
