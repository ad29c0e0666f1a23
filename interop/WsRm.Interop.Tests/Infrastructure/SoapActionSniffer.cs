using System.Text.RegularExpressions;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>Finds the SOAP action of a request, for the forwarder's exemptions (not a SOAP parser).</summary>
internal static partial class SoapActionSniffer
{
    /// <summary>The wsa:Action header value, else the unquoted SOAPAction HTTP header, else null.</summary>
    public static string? Find(string body, string? soapActionHeader)
    {
        var match = ActionElement().Match(body);
        if (match.Success) return match.Groups["value"].Value.Trim();
        return string.IsNullOrEmpty(soapActionHeader) ? null : soapActionHeader.Trim('"');
    }

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.-]*:)?Action\b[^>]*>(?<value>[^<]*)</", RegexOptions.CultureInvariant)]
    private static partial Regex ActionElement();
}
