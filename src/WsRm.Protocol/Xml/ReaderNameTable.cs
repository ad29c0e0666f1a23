using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Protocol.Xml;

/// <summary>
/// A name table lent to one reader at a time and kept per thread between messages: a fresh reader would otherwise
/// allocate a table and every element and namespace name again for each message. The names of this stack are added
/// up front, so the reader hands back these very strings and comparisons with them succeed on reference equality.
/// </summary>
internal sealed class ReaderNameTable : NameTable
{
    // A table that took in this many characters of names since it was made is dropped rather than kept: a peer
    // sending ever new names must not grow a table that lives as long as the thread.
    private const int MaxAddedChars = 16 * 1024;

    [ThreadStatic]
    private static ReaderNameTable? t_free;

    private static readonly string[] KnownNames =
    [
        SoapVersion.Soap11.Namespace, SoapVersion.Soap12.Namespace,
        AddressingVersion.WsAddressing10.Namespace, AddressingVersion.WsAddressing200408.Namespace,
        RmVersion.Rm10.Namespace, RmVersion.Rm11.Namespace, RmVersion.NetRmNamespace,
        "Envelope", "Header", "Body", "Fault", "mustUnderstand", "role", "actor",
        "Action", "To", "MessageID", "RelatesTo", "ReplyTo", "FaultTo", "From", "Address", "ReferenceParameters",
        "Sequence", "Identifier", "MessageNumber", "LastMessage", "SequenceAcknowledgement", "AcknowledgementRange",
        "Upper", "Lower", "Nack", "None", "Final", "BufferRemaining", "AckRequested", "SequenceFault",
    ];

    private int _addedChars;

    private ReaderNameTable()
    {
        foreach (var name in KnownNames) base.Add(name);
        Settings = SafeXmlReader.SettingsWith(this);
    }

    /// <summary>The reader settings that use this table.</summary>
    public XmlReaderSettings Settings { get; }

    /// <summary>Takes this thread's table, or a new one; the caller owns it until <see cref="Return"/>.</summary>
    public static ReaderNameTable Rent()
    {
        var table = t_free ?? new ReaderNameTable();
        t_free = null;
        return table;
    }

    /// <summary>Gives the table back once its reader is closed; a table grown too large is left to the GC.</summary>
    public void Return()
    {
        if (_addedChars <= MaxAddedChars) t_free = this;
    }

    /// <inheritdoc />
    public override string Add(char[] key, int start, int len) =>
        Get(key, start, len) ?? Added(base.Add(key, start, len));

    /// <inheritdoc />
    public override string Add(string key) => Get(key) ?? Added(base.Add(key));

    private string Added(string name)
    {
        _addedChars += name.Length;
        return name;
    }
}
