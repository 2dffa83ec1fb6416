namespace SalesCoachBot.Interactions;

public enum InteractionKind
{
    Call,
    Email,
    Meeting,
    Demo,
    Note,
}
