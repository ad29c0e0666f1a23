using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

/// <summary>WS-Addressing 1.0 SOAP Binding §6.4 faults.</summary>
public class AddressingFaultsTests
{
    public static TheoryData<string> AddressingNamespaces => [Ns.Wsa10, Ns.Wsa200408];

    [Theory]
    [MemberData(nameof(AddressingNamespaces))]
    public void ActionNotSupported_SubcodeReasonActionAndProblemAction(string wsaNs)
    {
        var wsa = AddressingVersion.FromNamespace(wsaNs)!;

        var fault = AddressingFaults.ActionNotSupported(wsa, "urn:unknown");

        Assert.Equal((FaultCodeKind.Sender, new XmlQualifiedName("ActionNotSupported", wsaNs)), (fault.Code, fault.Subcode));
        Assert.Equal("The action 'urn:unknown' is not supported by this endpoint.", fault.Reason);
        Assert.Equal(wsa.FaultAction, fault.Action);
        Assert.Null(fault.SequenceFaultHeader);
        var view = FaultView.Of(fault, SoapVersion.Soap12, wsa);
        XNamespace a = wsaNs;
        var problem = Assert.Single(view.Detail);
        Assert.Equal(a + "ProblemAction", problem.Name);
        Assert.Equal("urn:unknown", problem.Element(a + "Action")!.Value);
        Assert.Equal(a + "ActionNotSupported", view.Subcode);
        Assert.Equal(wsa.FaultAction, view.Action);
    }

    [Fact]
    public void ActionNotSupported_NullVersionAndAction_DefaultsToWsa10AndEmptyAction()
    {
        var fault = AddressingFaults.ActionNotSupported(null, null);

        Assert.Equal(Ns.Wsa10, fault.Subcode!.Namespace);
        Assert.Equal("http://www.w3.org/2005/08/addressing/soap/fault", fault.Action);
        var detail = TestXml.WriteElement(w => { w.WriteStartElement("d"); fault.WriteDetail!(w); w.WriteEndElement(); });
        Assert.Equal("", detail.Descendants(XNamespace.Get(Ns.Wsa10) + "Action").Single().Value);
    }

    [Fact]
    public void ActionNotSupported_Soap11_FaultcodeIsTheAddressingSubcode()
    {
        var view = FaultView.Of(AddressingFaults.ActionNotSupported(AddressingVersion.WsAddressing10, "urn:x"), SoapVersion.Soap11, AddressingVersion.WsAddressing10);

        Assert.Equal(XNamespace.Get(Ns.Wsa10) + "ActionNotSupported", view.Code);
        Assert.Equal(XNamespace.Get(Ns.Wsa10) + "ProblemAction", Assert.Single(view.Detail).Name);
    }

    [Theory]
    [MemberData(nameof(AddressingNamespaces))]
    public void MessageAddressingHeaderRequired_NamesTheMissingHeaderAsAQName(string wsaNs)
    {
        var wsa = AddressingVersion.FromNamespace(wsaNs)!;

        var fault = AddressingFaults.MessageAddressingHeaderRequired(wsa, "MessageID");
        var view = FaultView.Of(fault, SoapVersion.Soap12, wsa);

        Assert.Equal(new XmlQualifiedName("MessageAddressingHeaderRequired", wsaNs), fault.Subcode);
        Assert.Equal("A required header representing a Message Addressing Property is not present: wsa:MessageID.", fault.Reason);
        Assert.Equal(wsa.FaultAction, view.Action);
        var problem = Assert.Single(view.Detail);
        Assert.Equal(XNamespace.Get(wsaNs) + "ProblemHeaderQName", problem.Name);
        Assert.Equal(XNamespace.Get(wsaNs) + "MessageID", TestXml.QNameValue(problem));
    }

    [Fact]
    public void MessageAddressingHeaderRequired_ReplyWithoutAddressingHeaders_ProblemHeaderQNameStillResolvesToWsa()
    {
        // The server answers a message that has neither wsa:Action nor any addressing header with
        // MessageAddressingHeaderRequired(null, "Action") in an OutgoingMessage whose Addressing is null: no wsa prefix
        // is in scope, so the QName must still resolve (here through the default namespace of ProblemHeaderQName).
        var fault = AddressingFaults.MessageAddressingHeaderRequired(null, "Action");

        var view = FaultView.Of(fault, SoapVersion.Soap12, wsa: null);

        Assert.Equal(XNamespace.Get(Ns.Wsa10) + "Action", TestXml.QNameValue(Assert.Single(view.Detail)));
    }

    [Fact]
    public void InvalidAddressingHeader_ReasonCarriesTheProblem()
    {
        var fault = AddressingFaults.InvalidAddressingHeader(AddressingVersion.WsAddressing10, "ReplyTo", "The address is not absolute.");
        var view = FaultView.Of(fault, SoapVersion.Soap12, AddressingVersion.WsAddressing10);

        Assert.Equal(new XmlQualifiedName("InvalidAddressingHeader", Ns.Wsa10), fault.Subcode);
        Assert.Equal("A header representing a Message Addressing Property is not valid and the message cannot be processed: wsa:ReplyTo. The address is not absolute.", fault.Reason);
        Assert.Equal(XNamespace.Get(Ns.Wsa10) + "ReplyTo", TestXml.QNameValue(Assert.Single(view.Detail)));
        Assert.Equal(XNamespace.Get(Ns.Soap12) + "Sender", view.Code);
    }
}
