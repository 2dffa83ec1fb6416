using SalesCoachBot.Conversations;
using SalesCoachBot.Replies;
using SalesCoachBot.Understanding;

namespace SalesCoachBot.Intents;

/// <summary>How much acting on a misreading costs, and so how sure a reading must be to act on it.</summary>
public enum IntentRisk
{
    Normal,

    /// <summary>Shows something and changes nothing: a clear lead is enough.</summary>
    LookUp,

    /// <summary>Closes, reopens or deletes a deal: needs a clearer message.</summary>
    Closes,
}

/// <summary>Reads an intent's details from a message; null when an exact shape turns out not to be this intent.</summary>
public delegate Intent? SlotReader(IServiceProvider services, IntentText text);

/// <summary>
/// One thing a rep can ask for: the label its examples carry in <c>understanding.yaml</c>, how its details
/// are read from a message, how it is offered on a button, and the handler that acts on it.
/// Registered by the intent's own feature folder with <see cref="IntentServices.AddIntent"/>.
/// </summary>
public abstract class IntentRegistration(string label)
{
    public string Label { get; } = label;

    public required SlotReader Read { get; init; }

    public IntentRisk Risk { get; init; }

    /// <summary>False for what never breaks into a question the bot is waiting on (help, cancel, thanks).</summary>
    public bool Interrupts { get; init; } = true;

    public abstract bool Claims(Intent intent);

    /// <summary>The part of a label after the intent's own: <c>price</c> in <c>objection:price</c>.</summary>
    public abstract string? Detail(Intent intent);

    public abstract string? Title(IServiceProvider services, Intent intent);

    public abstract bool NamesADeal(Intent intent);

    public abstract Task<Reply> ActAsync(IServiceProvider services, RepTurn turn, Intent intent, CancellationToken cancellationToken);
}

/// <inheritdoc />
public sealed class IntentRegistration<TIntent>(string label) : IntentRegistration(label) where TIntent : Intent
{
    public required Func<IServiceProvider, RepTurn, TIntent, CancellationToken, Task<Reply>> Act { get; init; }

    /// <summary>Which readings of <typeparamref name="TIntent"/> are this intent's, when several intents share a type.</summary>
    public Func<TIntent, bool> When { get; init; } = _ => true;

    public Func<IServiceProvider, TIntent, string?> TitleOf { get; init; } = (_, _) => null;

    public Func<TIntent, string?> DetailOf { get; init; } = _ => null;

    public Func<TIntent, bool> Deal { get; init; } = _ => false;

    public override bool Claims(Intent intent) => intent is TIntent typed && When(typed);

    public override string? Detail(Intent intent) => DetailOf((TIntent)intent);

    public override string? Title(IServiceProvider services, Intent intent) => TitleOf(services, (TIntent)intent);

    public override bool NamesADeal(Intent intent) => Deal((TIntent)intent);

    public override Task<Reply> ActAsync(IServiceProvider services, RepTurn turn, Intent intent, CancellationToken cancellationToken) =>
        Act(services, turn, (TIntent)intent, cancellationToken);

    /// <summary>An answer that needs no service: <c>Act = Answer((turn, intent) => …)</c>.</summary>
    public static Func<IServiceProvider, RepTurn, TIntent, CancellationToken, Task<Reply>> Answer(Func<RepTurn, TIntent, Reply> answer) =>
        (_, turn, intent, _) => Task.FromResult(answer(turn, intent));
}
