using System.Xml;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Tests.Xml;

public class ReaderNameTableTests
{
    [Fact]
    public void Rent_AfterReturn_GivesTheSameTableOnTheSameThread()
    {
        var first = ReaderNameTable.Rent();
        first.Return();

        var second = ReaderNameTable.Rent();
        second.Return();

        Assert.Same(first, second);
    }

    [Fact]
    public void Rent_WhileLent_GivesAnotherTable()
    {
        var first = ReaderNameTable.Rent();
        var second = ReaderNameTable.Rent();

        Assert.NotSame(first, second);
        first.Return();
        second.Return();
    }

    [Fact]
    public void KnownNames_AreTheStacksOwnStrings()
    {
        var table = ReaderNameTable.Rent();

        Assert.Same(SoapVersion.Soap12.Namespace, table.Get(SoapVersion.Soap12.Namespace.ToCharArray(), 0, SoapVersion.Soap12.Namespace.Length));
        Assert.Same(SoapVersion.Soap12.Namespace, table.Add(new string(SoapVersion.Soap12.Namespace.AsSpan())));
        table.Return();
    }

    [Fact]
    public void Add_ReturnsOneStringPerName()
    {
        var table = ReaderNameTable.Rent();
        var chars = "xxNewNamexx".ToCharArray();

        var added = table.Add(chars, 2, 7);

        Assert.Equal("NewName", added);
        Assert.Same(added, table.Add("NewName"));
        Assert.Same(added, table.Add(chars, 2, 7));
        table.Return();
    }

    [Fact]
    public void Return_OfATableThatTookInTooManyNames_DropsIt()
    {
        var table = ReaderNameTable.Rent();
        for (var i = 0; i < 200; i++) table.Add(new string('n', 100) + i);
        table.Return();

        var next = ReaderNameTable.Rent();
        next.Return();

        Assert.NotSame(table, next);
    }

    [Fact]
    public void Settings_RefuseDtdsAndUseTheTable()
    {
        var table = ReaderNameTable.Rent();

        Assert.Same(table, table.Settings.NameTable);
        Assert.Equal(DtdProcessing.Prohibit, table.Settings.DtdProcessing);
        Assert.True(table.Settings.IgnoreWhitespace && table.Settings.IgnoreComments && table.Settings.CloseInput);
        table.Return();
    }

    [Fact]
    public void NamespaceUris_ReadFromAMessage_AreAtomizedToTheConstants()
    {
        using var reader = SafeXmlReader.Create(TestXml.Bytes($"<s:Envelope xmlns:s=\"{Ns.Soap12}\"><s:Body/></s:Envelope>"));

        reader.MoveToContent();

        Assert.Same(SoapVersion.Soap12.Namespace, reader.NamespaceURI);
    }
}
