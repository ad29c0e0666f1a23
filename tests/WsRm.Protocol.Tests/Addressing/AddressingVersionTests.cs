using WsRm.Protocol.Addressing;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Addressing;

public class AddressingVersionTests
{
    [Fact]
    public void WsAddressing10_Uris()
    {
        var v = AddressingVersion.WsAddressing10;
        Assert.Equal(Ns.Wsa10, v.Namespace);
        Assert.Equal("http://www.w3.org/2005/08/addressing/anonymous", v.AnonymousUri);
        Assert.Equal("http://www.w3.org/2005/08/addressing/none", v.NoneUri);
        Assert.Equal("http://www.w3.org/2005/08/addressing/soap/fault", v.FaultAction);
    }

    [Fact]
    public void WsAddressing200408_Uris()
    {
        var v = AddressingVersion.WsAddressing200408;
        Assert.Equal(Ns.Wsa200408, v.Namespace);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous", v.AnonymousUri);
        Assert.Null(v.NoneUri);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", v.FaultAction);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("http://www.w3.org/2005/08/addressing/anonymous", true)]
    [InlineData("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous", false)]
    [InlineData("http://www.w3.org/2005/08/addressing/none", false)]
    [InlineData("http://client/reply", false)]
    public void IsAnonymous_Wsa10(string? address, bool expected)
    {
        Assert.Equal(expected, AddressingVersion.WsAddressing10.IsAnonymous(address));
    }

    [Fact]
    public void IsAnonymous_Wsa200408_UsesItsOwnUri()
    {
        Assert.True(AddressingVersion.WsAddressing200408.IsAnonymous("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"));
        Assert.False(AddressingVersion.WsAddressing200408.IsAnonymous("http://www.w3.org/2005/08/addressing/anonymous"));
    }

    [Theory]
    [InlineData(Ns.Wsa10, true)]
    [InlineData(Ns.Wsa200408, true)]
    [InlineData("http://schemas.xmlsoap.org/ws/2005/08/addressing", false)]
    [InlineData("", false)]
    public void FromNamespace(string ns, bool known)
    {
        var v = AddressingVersion.FromNamespace(ns);

        Assert.Equal(known, v is not null);
        if (known) Assert.Equal(ns, v!.Namespace);
    }
}
