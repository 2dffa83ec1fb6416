using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoachBot.Import;

/// <summary>
/// How a CRM export's columns and stage names map to ours. Given as a small JSON file; without one,
/// columns are expected under our own names and stages under our stage names.
/// </summary>
public sealed class ImportMapping
{
    public ImportColumns Columns { get; set; } = new();

    /// <summary>CRM stage name → ours ("Engaging": "Discovery"); matched case-insensitively, then our own names apply.</summary>
    public Dictionary<string, string> Stages { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Currency for rows without one.</summary>
    public string DefaultCurrency { get; set; } = "USD";

    public static ImportMapping Load(string path)
    {
        var mapping = JsonSerializer.Deserialize<ImportMapping>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Converters = { new ColumnListConverter() },
        }) ?? new ImportMapping();
        mapping.Stages = new Dictionary<string, string>(mapping.Stages, StringComparer.OrdinalIgnoreCase);
        return mapping;
    }
}

/// <summary>
/// The CSV column that holds each field; null for a field the export does not have. Any field may name a
/// list of columns (<c>"name": ["account", "opportunity_id"]</c>): the first that is not empty in a row is used.
/// </summary>
public sealed class ImportColumns
{
    public string[] Id { get; set; } = ["id"];
    public string[] Name { get; set; } = ["name"];
    public string[]? Account { get; set; } = ["account"];
    public string[] Owner { get; set; } = ["owner"];
    public string[] Stage { get; set; } = ["stage"];
    public string[]? Created { get; set; } = ["created"];
    public string[]? Closed { get; set; } = ["closed"];
    public string[]? Amount { get; set; } = ["amount"];
    public string[]? Currency { get; set; } = ["currency"];
    public string[]? ExpectedClose { get; set; } = ["expected_close"];
}

/// <summary>A column given as one name or a list of names.</summary>
internal sealed class ColumnListConverter : JsonConverter<string[]>
{
    public override string[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => [reader.GetString()!],
        JsonTokenType.StartArray => JsonSerializer.Deserialize<string[]>(ref reader) ?? [],
        _ => throw new JsonException("a column is a name or a list of names, like \"account\" or [\"account\", \"opportunity_id\"]"),
    };

    public override void Write(Utf8JsonWriter writer, string[] value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value);
}
