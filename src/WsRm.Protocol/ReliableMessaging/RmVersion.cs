namespace WsRm.Protocol.ReliableMessaging;

/// <summary>WS-ReliableMessaging February 2005 ("1.0") or OASIS 1.1 (200702): namespace and action URIs.</summary>
public sealed class RmVersion
{
    /// <summary>WS-RM 1.0, February 2005.</summary>
    public static readonly RmVersion Rm10 = new("1.0", "http://schemas.xmlsoap.org/ws/2005/02/rm");

    /// <summary>WS-RM 1.1, OASIS 200702.</summary>
    public static readonly RmVersion Rm11 = new("1.1", "http://docs.oasis-open.org/ws-rx/wsrm/200702");

    /// <summary>WCF's extension namespace (<c>netrm:BufferRemaining</c>).</summary>
    public const string NetRmNamespace = "http://schemas.microsoft.com/ws/2006/05/rm";

    private RmVersion(string name, string ns)
    {
        Name = name;
        Namespace = ns;
    }

    /// <summary>"1.0" or "1.1".</summary>
    public string Name { get; }

    /// <summary>The RM namespace.</summary>
    public string Namespace { get; }

    /// <summary>True for WS-RM 1.1.</summary>
    public bool Is11 => this == Rm11;

    /// <summary>Action of CreateSequence.</summary>
    public string CreateSequenceAction => Namespace + "/CreateSequence";
    /// <summary>Action of CreateSequenceResponse.</summary>
    public string CreateSequenceResponseAction => Namespace + "/CreateSequenceResponse";
    /// <summary>Action of a standalone SequenceAcknowledgement.</summary>
    public string SequenceAcknowledgementAction => Namespace + "/SequenceAcknowledgement";
    /// <summary>Action of a standalone AckRequested.</summary>
    public string AckRequestedAction => Namespace + "/AckRequested";
    /// <summary>Action of CloseSequence (1.1 only).</summary>
    public string CloseSequenceAction => Namespace + "/CloseSequence";
    /// <summary>Action of CloseSequenceResponse (1.1 only).</summary>
    public string CloseSequenceResponseAction => Namespace + "/CloseSequenceResponse";
    /// <summary>Action of TerminateSequence.</summary>
    public string TerminateSequenceAction => Namespace + "/TerminateSequence";
    /// <summary>Action of TerminateSequenceResponse (1.1 only).</summary>
    public string TerminateSequenceResponseAction => Namespace + "/TerminateSequenceResponse";
    /// <summary>Action of 1.0's empty-bodied last message.</summary>
    public string LastMessageAction => Namespace + "/LastMessage";
    /// <summary>Action of an RM fault (1.1; 1.0 peers use WS-Addressing's fault action, Metro this one).</summary>
    public string FaultAction => Namespace + "/fault";

    /// <summary>The largest message number the version allows (1.0: unsignedLong, 1.1: long).</summary>
    public ulong MaxMessageNumber => Is11 ? long.MaxValue : ulong.MaxValue;

    /// <summary>The version whose namespace is <paramref name="ns"/>, or null.</summary>
    public static RmVersion? FromNamespace(string? ns) => ns == Rm10.Namespace ? Rm10 : ns == Rm11.Namespace ? Rm11 : null;

    /// <summary>The version whose action namespace prefixes <paramref name="action"/>, or null.</summary>
    public static RmVersion? FromAction(string? action)
    {
        if (action is null) return null;
        if (action.StartsWith(Rm10.Namespace + "/", StringComparison.Ordinal)) return Rm10;
        if (action.StartsWith(Rm11.Namespace + "/", StringComparison.Ordinal)) return Rm11;
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => "WS-RM " + Name;
}
