using SalesCoachBot.Deals;

namespace SalesCoachBot.Understanding;

/// <summary>What a rep asked for, read from one message.</summary>
public abstract record Intent;

public sealed record HelpIntent : Intent;

public sealed record ListDealsIntent : Intent;

/// <summary>"new deal Acme Corp $45,000"; <see cref="Name"/> is empty when the rep gave none.</summary>
public sealed record NewDealIntent(string Name, Money? Value) : Intent;

/// <summary>"move Acme to discovery"; the stage is kept as typed so a wrong one can be explained.</summary>
public sealed record MoveDealIntent(string DealQuery, string StageText) : Intent;

public sealed record UndoIntent : Intent;

public sealed record UnknownIntent(string Text) : Intent;
