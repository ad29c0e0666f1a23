using System.Text.RegularExpressions;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>Finds a few header values in a SOAP request, for the forwarder's loss decisions (not a SOAP parser).</summary>
internal static partial class SoapSniffer
{
    /// <summary>The wsa:Action header value, else the unquoted SOAPAction HTTP header, else null.</summary>
    public static string? Action(string body, string? soapActionHeader)
    {
        var match = ActionElement().Match(body);
        if (match.Success) return match.Groups["value"].Value.Trim();
        return string.IsNullOrEmpty(soapActionHeader) ? null : soapActionHeader.Trim('"');
    }

    /// <summary>"identifier#number" of the wsrm:Sequence header, identical for every retransmission; null without one.</summary>
    public static string? SequenceMessage(string body)
    {
        var match = SequenceHeader().Match(body);
        return match.Success ? $"{match.Groups["id"].Value.Trim()}#{match.Groups["number"].Value}" : null;
    }

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.-]*:)?Action\b[^>]*>(?<value>[^<]*)</", RegexOptions.CultureInvariant)]
    private static partial Regex ActionElement();

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.-]*:)?Sequence\b[^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?Identifier\b[^>]*>(?<id>[^<]*)</[^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?MessageNumber\b[^>]*>\s*(?<number>\d+)",
        RegexOptions.CultureInvariant)]
    private static partial Regex SequenceHeader();
}
