using System.Text;

namespace SalesCoachBot.Import;

/// <summary>
/// RFC 4180 CSV, read one record at a time: quoted fields with commas, doubled quotes and line breaks
/// inside, CRLF or LF endings, a UTF-8 byte-order mark. Each record comes with the line it starts on.
/// </summary>
public static class CsvRecords
{
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1;
        var quoted = false;
        var first = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            if (first && c == '\uFEFF')
            {
                first = false;
                continue;
            }
            first = false;
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"')
                    field.Append((char)reader.Read());
                else if (c == '"')
                    quoted = false;
                else
                {
                    if (c == '\n')
                        line++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                        yield return (start, fields.ToArray());
                    fields.Clear();
                    start = ++line;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields.ToArray());
        }
    }
}
