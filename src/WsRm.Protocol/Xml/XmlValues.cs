using System.Globalization;
using System.Xml;

namespace WsRm.Protocol.Xml;

/// <summary>Parsing of the simple values WS-RM carries, with errors that say which element was wrong.</summary>
internal static class XmlValues
{
    private static readonly char[] XmlWhitespace = [' ', '\t', '\r', '\n'];

    public static ulong ParseMessageNumber(string text, string element)
    {
        if (!ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new SoapParseException($"{element} must be an unsigned integer, not '{Shorten(text)}'.");
        return n;
    }

    public static TimeSpan? ParseDuration(string text, string element)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        try
        {
            // A zero duration, however spelled (PT0S, P0D, PT0.0S), means "never expires" (WS-RM 1.1 §3.4).
            var duration = XmlConvert.ToTimeSpan(text);
            return duration == TimeSpan.Zero ? null : duration;
        }
        catch (FormatException)
        {
            throw new SoapParseException($"{element} must be an xs:duration, not '{Shorten(text)}'.");
        }
        catch (OverflowException)
        {
            return TimeSpan.MaxValue; // "P1000Y" and such: longer than we can hold means "effectively never"
        }
    }

    /// <summary>An xs:boolean (true, false, 1, 0, with XML whitespace around), or null for anything else.</summary>
    public static bool? ParseBoolean(string text) => text.Trim(XmlWhitespace) switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    public static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
