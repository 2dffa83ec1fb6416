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
        try
        {
            return (encoding.GetString(bytes, start, bytes.Length - start), null);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes.AsSpan(0, Math.Clamp(start + e.Index, 0, bytes.Length)).Count((byte)'\n');
            var name = encoding is UTF8Encoding ? "UTF-8" : encoding.WebName;
            return (null, new ImportProblem(line, $"the file is not {name} (line {line}); save it as UTF-8 or pass --encoding latin1"));
        }
    }
}
