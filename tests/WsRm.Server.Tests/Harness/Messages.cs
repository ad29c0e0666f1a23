using System.Globalization;

namespace WsRm.Server.Tests.Harness;

/// <summary>The messages a WCF client sends, as raw envelopes (see the wcf-docs and ms-openspecs vectors).</summary>
internal static class Messages
{
    /// <summary>CreateSequence with anonymous AcksTo and, when <paramref name="offerId"/> is given, an Offer (1.1: with Endpoint and IncompleteSequenceBehavior, as WCF sends).</summary>
    public static Envelope CreateSequence(Wire wire, string to, string? offerId, string? acksTo = null, bool messageId = true)
    {
        var env = new Envelope(wire).WithAction(wire.RmAction("CreateSequence"));
        if (messageId) env.WithMessageId();
        env.WithReplyToAnonymous().WithTo(to);
        var offer = offerId is null ? "" : wire.Is11
            ? $"<r:Offer><r:Identifier>{offerId}</r:Identifier><r:Endpoint><a:Address>{wire.Anonymous}</a:Address></r:Endpoint>"
              + "<r:IncompleteSequenceBehavior>DiscardFollowingFirstGap</r:IncompleteSequenceBehavior></r:Offer>"
            : $"<r:Offer><r:Identifier>{offerId}</r:Identifier></r:Offer>";
        return env.WithBody($"<r:CreateSequence><r:AcksTo><a:Address>{Envelope.Escape(acksTo ?? wire.Anonymous)}</a:Address></r:AcksTo>{offer}</r:CreateSequence>");
    }

    /// <summary>An application message in a sequence: Sequence, Action, MessageID, ReplyTo anonymous, To.</summary>
    public static Envelope Application(Wire wire, string to, string action, string sequenceId, ulong number, string body) =>
        new Envelope(wire).WithSequence(sequenceId, number).WithAction(action).WithMessageId().WithReplyToAnonymous().WithTo(to).WithBody(body);

    public static Envelope Echo(Wire wire, string to, string sequenceId, ulong number, string text) =>
        Application(wire, to, Ns.EchoAction, sequenceId, number, EchoBody(text));

    public static Envelope Post(Wire wire, string to, string sequenceId, ulong number, string text) =>
        Application(wire, to, Ns.PostAction, sequenceId, number, $"<Post xmlns=\"{Ns.Samples}\"><text>{Envelope.Escape(text)}</text></Post>");

    public static Envelope AckRequested(Wire wire, string to, string sequenceId) =>
        new Envelope(wire).WithAckRequested(sequenceId).WithAction(wire.RmAction("AckRequested")).WithTo(to);

    /// <summary>A standalone acknowledgement of the server's (offered) reply sequence.</summary>
    public static Envelope Acknowledgement(Wire wire, string to, string sequenceId, params (ulong Lower, ulong Upper)[] ranges) =>
        new Envelope(wire).WithAck(sequenceId, ranges).WithAction(wire.RmAction("SequenceAcknowledgement")).WithTo(to);

    /// <summary>1.1 CloseSequence.</summary>
    public static Envelope CloseSequence(Wire wire, string to, string sequenceId, ulong? lastMsgNumber = null, bool messageId = true) =>
        Control(wire, to, "CloseSequence", sequenceId, lastMsgNumber, messageId);

    /// <summary>TerminateSequence (1.1 with optional LastMsgNumber; 1.0 has none).</summary>
    public static Envelope TerminateSequence(Wire wire, string to, string sequenceId, ulong? lastMsgNumber = null, bool messageId = true) =>
        Control(wire, to, "TerminateSequence", sequenceId, lastMsgNumber, messageId);

    /// <summary>1.0's close as WCF sends it: empty body, Action .../LastMessage, Sequence with LastMessage.</summary>
    public static Envelope LastMessage(Wire wire, string to, string sequenceId, ulong number) =>
        new Envelope(wire).WithSequence(sequenceId, number, lastMessage: true).WithAction(wire.RmAction("LastMessage"))
            .WithMessageId().WithReplyToAnonymous().WithTo(to);

    public static string EchoBody(string text) => $"<Echo xmlns=\"{Ns.Samples}\"><text>{Envelope.Escape(text)}</text></Echo>";

    public static string ReceivedBody(string prefix) => $"<Received xmlns=\"{Ns.Samples}\"><prefix>{Envelope.Escape(prefix)}</prefix></Received>";

    private static Envelope Control(Wire wire, string to, string name, string sequenceId, ulong? last, bool messageId)
    {
        var env = new Envelope(wire).WithAction(wire.RmAction(name));
        if (messageId) env.WithMessageId();
        env.WithReplyToAnonymous().WithTo(to);
        var lastXml = last is { } n && wire.Is11 ? $"<r:LastMsgNumber>{n.ToString(CultureInfo.InvariantCulture)}</r:LastMsgNumber>" : "";
        return env.WithBody($"<r:{name}><r:Identifier>{sequenceId}</r:Identifier>{lastXml}</r:{name}>");
    }
}
