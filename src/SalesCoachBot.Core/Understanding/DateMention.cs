namespace SalesCoachBot.Understanding;

/// <summary>A date (and maybe time) named in a message, in the rep's local time, and where it was written.</summary>
public sealed record DateMention(int Start, int End, string Text, DateTime Local, bool HasTime)
{
    public DateOnly Date => DateOnly.FromDateTime(Local);
}

/// <summary>Which way an ambiguous date ("Friday", "March 2") should lean.</summary>
public enum DateLean
{
    Past,
    Future,
}
