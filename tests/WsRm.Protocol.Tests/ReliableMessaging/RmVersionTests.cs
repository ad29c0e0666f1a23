using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.ReliableMessaging;

public class RmVersionTests
{
    [Fact]
    public void Namespaces_AndNames()
    {
        Assert.Equal((Ns.Rm10, "1.0", false), (RmVersion.Rm10.Namespace, RmVersion.Rm10.Name, RmVersion.Rm10.Is11));
        Assert.Equal((Ns.Rm11, "1.1", true), (RmVersion.Rm11.Namespace, RmVersion.Rm11.Name, RmVersion.Rm11.Is11));
        Assert.Equal(Ns.NetRm, RmVersion.NetRmNamespace);
        Assert.Equal("WS-RM 1.1", RmVersion.Rm11.ToString());
    }

    [Fact]
    public void Actions_Rm10()
    {
        var rm = RmVersion.Rm10;
        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/02/rm/CreateSequence", rm.CreateSequenceAction);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/02/rm/CreateSequenceResponse", rm.CreateSequenceResponseAction);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/02/rm/SequenceAcknowledgement", rm.SequenceAcknowledgementAction);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/02/rm/AckRequested", rm.AckRequestedAction);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/02/rm/TerminateSequence", rm.TerminateSequenceAction);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/02/rm/LastMessage", rm.LastMessageAction);
    }

    [Fact]
    public void Actions_Rm11()
    {
        var rm = RmVersion.Rm11;
        Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/CloseSequence", rm.CloseSequenceAction);
        Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/CloseSequenceResponse", rm.CloseSequenceResponseAction);
        Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/TerminateSequence", rm.TerminateSequenceAction);
        Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/TerminateSequenceResponse", rm.TerminateSequenceResponseAction);
        Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/fault", rm.FaultAction);
    }

    [Fact]
    public void MaxMessageNumber_Rm10IsUnsignedLong_Rm11IsLong()
    {
        Assert.Equal(18_446_744_073_709_551_615UL, RmVersion.Rm10.MaxMessageNumber);
        Assert.Equal(9_223_372_036_854_775_807UL, RmVersion.Rm11.MaxMessageNumber);
    }

    [Theory]
    [InlineData("http://schemas.xmlsoap.org/ws/2005/02/rm/CreateSequence", "1.0")]
    [InlineData("http://schemas.xmlsoap.org/ws/2005/02/rm/LastMessage", "1.0")]
    [InlineData("http://docs.oasis-open.org/ws-rx/wsrm/200702/CloseSequence", "1.1")]
    [InlineData("http://docs.oasis-open.org/ws-rx/wsrm/200702", null)]
    [InlineData("http://schemas.xmlsoap.org/ws/2005/02/rmx/CreateSequence", null)]
    [InlineData("urn:ping", null)]
    [InlineData(null, null)]
    public void FromAction(string? action, string? expected)
    {
        Assert.Equal(expected, RmVersion.FromAction(action)?.Name);
    }

    [Theory]
    [InlineData(Ns.Rm10, "1.0")]
    [InlineData(Ns.Rm11, "1.1")]
    [InlineData(Ns.NetRm, null)]
    [InlineData(null, null)]
    public void FromNamespace(string? ns, string? expected)
    {
        Assert.Equal(expected, RmVersion.FromNamespace(ns)?.Name);
    }
}
