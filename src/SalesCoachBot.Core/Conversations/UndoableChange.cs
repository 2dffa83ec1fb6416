using System.Text.Json.Serialization;
using SalesCoachBot.Deals;
using SalesCoachBot.Interactions;

namespace SalesCoachBot.Conversations;

/// <summary>A change "undo" can take back, with what it needs to put things as they were.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = MemoryJson.KindProperty)]
[JsonDerivedType(typeof(Created), "created")]
[JsonDerivedType(typeof(Moved), "moved")]
[JsonDerivedType(typeof(Edited), "edited")]
[JsonDerivedType(typeof(Deleted), "deleted")]
[JsonDerivedType(typeof(Logged), "logged")]
[JsonDerivedType(typeof(Unlogged), "unlogged")]
[JsonDerivedType(typeof(Revised), "revised")]
public abstract record UndoableChange
{
    public sealed record Created(long DealId) : UndoableChange;

    public sealed record Moved(StageMove Move) : UndoableChange;

    /// <summary>The deal's values before the edit, and the edit as it was described.</summary>
    public sealed record Edited(long DealId, string Name, string Account, decimal? Amount, string? Currency, DateOnly? ExpectedClose, string Described) : UndoableChange;

    public sealed record Deleted(long DealId, string DealName) : UndoableChange;

    /// <summary>A logged interaction, and the deal's earlier next steps its own took the place of.</summary>
    public sealed record Logged(long InteractionId, InteractionKind Kind, string DealName, DateTimeOffset PreviousLastActivityAt, IReadOnlyList<SavedStep>? Replaced = null) : UndoableChange;

    /// <summary>A logged interaction deleted, with its reminders, the steps it had replaced (back since), and the deal's last activity before.</summary>
    public sealed record Unlogged(SavedInteraction Interaction, IReadOnlyList<SavedStep> Steps, IReadOnlyList<SavedStep> Replaced, DateTimeOffset LastActivityAt, string DealName) : UndoableChange;

    /// <summary>The last logged interaction's type and summary before an edit.</summary>
    public sealed record Revised(long InteractionId, InteractionKind Kind, string Summary, string DealName) : UndoableChange;
}
