using System.Globalization;
using System.Security;
using System.Text;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// Builds a raw SOAP envelope string header by header, with the prefixes a WCF client uses (s, a, r). Headers are
/// written in the order they are added; nothing is validated, so tests can also build broken messages.
/// </summary>
internal sealed class Envelope(Wire wire)
{
    private readonly StringBuilder _headers = new();
    private string _body = "";

    public Wire Wire { get; } = wire;

    /// <summary>The wsa:Action value, also sent as SOAPAction or as the content type's action parameter.</summary>
    public string? Action { get; private set; }

    /// <summary>The wsa:MessageID value, when one was added.</summary>
    public string? MessageId { get; private set; }

    private string MustUnderstand => "s:mustUnderstand=\"1\"";

    public static string NewId() => "urn:uuid:" + Guid.NewGuid().ToString("D");

    public Envelope WithAction(string action)
    {
        Action = action;
        return WithHeader($"<a:Action {MustUnderstand}>{Escape(action)}</a:Action>");
    }

    /// <summary>Sets the action used for the transport only (SOAPAction / content type) without a wsa:Action header.</summary>
    public Envelope WithTransportAction(string action)
    {
        Action = action;
        return this;
    }

    public Envelope WithMessageId(string? id = null)
    {
        MessageId = id ?? NewId();
        return WithHeader($"<a:MessageID>{Escape(MessageId)}</a:MessageID>");
    }

    public Envelope WithReplyToAnonymous() => WithHeader($"<a:ReplyTo><a:Address>{Wire.Anonymous}</a:Address></a:ReplyTo>");

    public Envelope WithTo(string to) => WithHeader($"<a:To {MustUnderstand}>{Escape(to)}</a:To>");

    public Envelope WithSequence(string id, ulong number, bool lastMessage = false) => WithSequence(id, number.ToString(CultureInfo.InvariantCulture), lastMessage);

    public Envelope WithSequence(string id, string number, bool lastMessage = false) =>
        WithHeader($"<r:Sequence {MustUnderstand}><r:Identifier>{Escape(id)}</r:Identifier><r:MessageNumber>{number}</r:MessageNumber>"
            + (lastMessage ? "<r:LastMessage/>" : "") + "</r:Sequence>");

    /// <summary>A SequenceAcknowledgement header; with no ranges, 1.1 gets &lt;r:None/&gt;.</summary>
    public Envelope WithAck(string id, params (ulong Lower, ulong Upper)[] ranges)
    {
        var ack = new StringBuilder($"<r:SequenceAcknowledgement><r:Identifier>{Escape(id)}</r:Identifier>");
        foreach (var (lower, upper) in ranges) ack.Append(CultureInfo.InvariantCulture, $"<r:AcknowledgementRange Lower=\"{lower}\" Upper=\"{upper}\"/>");
        if (ranges.Length == 0 && Wire.Is11) ack.Append("<r:None/>");
        ack.Append("</r:SequenceAcknowledgement>");
        return WithHeader(ack.ToString());
    }

    public Envelope WithAckRequested(string id) => WithHeader($"<r:AckRequested><r:Identifier>{Escape(id)}</r:Identifier></r:AckRequested>");

    /// <summary>Any header block, as raw XML (may use the s, a and r prefixes).</summary>
    public Envelope WithHeader(string xml)
    {
        _headers.Append(xml);
        return this;
    }

    /// <summary>The children of soap:Body, as raw XML (may use the s, a and r prefixes).</summary>
    public Envelope WithBody(string xml)
    {
        _body = xml;
        return this;
    }

    public string Build() =>
        $"<s:Envelope xmlns:s=\"{Wire.SoapNs}\" xmlns:a=\"{Wire.WsaNs}\" xmlns:r=\"{Wire.RmNs}\">"
        + $"<s:Header>{_headers}</s:Header><s:Body>{_body}</s:Body></s:Envelope>";

    public override string ToString() => Build();

    public static string Escape(string text) => SecurityElement.Escape(text);
}
