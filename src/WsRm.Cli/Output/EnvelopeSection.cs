using WsRm.Cli.Views;

namespace WsRm.Cli.Output;

/// <summary>The parts of <c>show</c> that print a stored message: its SOAP headers and its XML.</summary>
internal static class EnvelopeSection
{
    /// <summary>A "Headers" section: SOAP version, wsa:Action, MessageID, To, ReplyTo, RelatesTo and the WS-RM Sequence.</summary>
    public static void WriteHeaders(TextWriter output, EnvelopeHeadersView headers)
    {
        output.WriteLine();
        output.WriteLine("Headers");
        if (headers.Error is not null)
        {
            output.WriteLine($"  (not readable: {headers.Error})");
            return;
        }
        var sequence = headers.SequenceId is null
            ? null
            : $"{headers.SequenceId}, message {headers.MessageNumber}{(headers.LastMessage == true ? ", LastMessage" : "")} (WS-RM {headers.RmVersion})";
        new FieldList
        {
            { "SOAP", headers.Soap },
            { "wsa:Action", headers.Action },
            { "wsa:MessageID", headers.MessageId },
            { "wsa:To", headers.To },
            { "wsa:ReplyTo", headers.ReplyTo },
            { "wsa:RelatesTo", headers.RelatesTo },
            { "wsrm:Sequence", sequence },
        }.Write(output);
    }

    /// <summary>A section titled <paramref name="title"/> with <paramref name="utf8"/> indented (or as stored, if not well-formed).</summary>
    public static void WriteXml(TextWriter output, string title, byte[] utf8, bool fragment)
    {
        var (text, error) = XmlPretty.Format(utf8, fragment);
        output.WriteLine();
        output.WriteLine(error is null ? title : $"{title} (as stored; not well-formed XML: {error})");
        output.WriteLine(text.Length == 0 ? "(empty)" : text);
    }
}
