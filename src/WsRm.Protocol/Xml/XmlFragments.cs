using System.Text;
using System.Xml;

namespace WsRm.Protocol.Xml;

/// <summary>
/// Element content rendered once to bytes and written back later as is: how a durable reply (its body, or its fault)
/// is stored and answers a retransmission after a restart. The fragment declares every namespace it uses.
/// </summary>
public static class XmlFragments
{
    private static readonly XmlWriterSettings Settings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(false),
    };

    /// <summary>What <paramref name="write"/> writes, as UTF-8 bytes; empty when it writes nothing.</summary>
    public static byte[] Render(Action<XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var output = new MemoryStream();
        using (var writer = XmlDictionaryWriter.CreateDictionaryWriter(XmlWriter.Create(output, Settings)))
        {
            write(writer);
        }
        return output.ToArray();
    }

    /// <summary>Writes a rendered fragment into another writer (null for an empty one).</summary>
    public static Action<XmlWriter>? Writer(byte[] fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        if (fragment.Length == 0) return null;
        var text = Encoding.UTF8.GetString(fragment);
        return w => w.WriteRaw(text);
    }
}
