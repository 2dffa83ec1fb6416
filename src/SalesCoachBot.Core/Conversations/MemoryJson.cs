using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesCoachBot.Conversations;

/// <summary>
/// How a <see cref="ConversationMemory"/> is written: System.Text.Json over the memory's own types, the
/// kind of an undoable change named by <see cref="KindProperty"/>. Reads the older form too, in which
/// every object named its .NET type in <c>$type</c> and the memory sat under <c>memory</c>.
/// </summary>
public static class MemoryJson
{
    public const string KindProperty = "kind";
    private const string LegacyType = "$type";

    private static readonly JsonSerializerOptions Options = new() { AllowOutOfOrderMetadataProperties = true };

    public static string Write(ConversationMemory memory) => JsonSerializer.Serialize(memory, Options);

    public static bool TryRead(string json, [NotNullWhen(true)] out ConversationMemory? memory)
    {
        memory = null;
        try
        {
            var node = JsonNode.Parse(json);
            if (node is JsonObject root && root.ContainsKey(LegacyType))
                node = FromLegacy(root["memory"] ?? root);
            memory = node?.Deserialize<ConversationMemory>(Options);
            return memory is not null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            return false;
        }
    }

    // Drops the type names; an undoable change's type ("…UndoableChange+Moved, …") becomes its kind.
    private static JsonNode? FromLegacy(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj["$values"] is JsonArray values:
                return FromLegacy(values);
            case JsonObject obj:
                var copy = new JsonObject();
                if (obj[LegacyType]?.GetValue<string>() is { } type && type.Split(',')[0] is var name && name.Contains(nameof(UndoableChange) + "+"))
                    copy[KindProperty] = name[(name.LastIndexOf('+') + 1)..].ToLowerInvariant();
                foreach (var (key, value) in obj)
                    if (key != LegacyType)
                        copy[key] = FromLegacy(value);
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(FromLegacy)]);
            default:
                return node?.DeepClone();
        }
    }
}
