using System.Text;

namespace SalesCoachBot.Import;

/// <summary>A CRM export's bytes as text, in the encoding the file was saved in; bytes that do not fit it are reported, not replaced.</summary>
public static class ImportText
{
    public const string DefaultEncoding = "utf-8";

    public static Encoding? EncodingNamed(string name)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "utf-8" or "utf8":
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);
            case "latin1" or "latin-1" or "iso-8859-1":
                return Encoding.Latin1;
        }
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return Encoding.GetEncoding(name.Trim(), EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static (string? Text, ImportProblem? Problem) Decode(byte[] bytes, Encoding encoding)
    {
        var preamble = encoding.GetPreamble();
        var start = preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        string text;
        try
        {
            text = encoding.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var line = LineOf(bytes, start + e.Index);
            var name = encoding is UTF8Encoding ? "UTF-8" : encoding.WebName;
            return (null, new ImportProblem(line, $"the file is not {name} (line {line}); save it as UTF-8 or pass its encoding, e.g. --encoding windows-1252 (Excel on Windows)"));
        }
        // Latin-1 reads every byte, but 0x80–0x9F as control characters: in a CRM export they are Windows-1252's €, „, ’, … instead.
        if (encoding.CodePage == Encoding.Latin1.CodePage && text.AsSpan().IndexOfAnyInRange('\u0080', '\u009f') is >= 0 and var at)
        {
            var line = LineOf(bytes, start + at);
            return (null, new ImportProblem(line, $"byte 0x{(int)text[at]:X2} on line {line} is a control character in latin1; the file is probably Windows-1252: pass --encoding windows-1252"));
        }
        return (text, null);
    }

    // Latin-1 and Windows-1252 are one byte a character, and UTF-8's fallback index is a byte index: both count bytes.
    private static int LineOf(byte[] bytes, int index) => 1 + bytes.AsSpan(0, Math.Clamp(index, 0, bytes.Length)).Count((byte)'\n');
}
