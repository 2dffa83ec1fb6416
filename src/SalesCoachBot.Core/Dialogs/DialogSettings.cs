namespace SalesCoachBot.Dialogs;

/// <summary>How long a dialog waits for an answer before it is dropped quietly.</summary>
public sealed record DialogSettings(TimeSpan IdleTimeout);
