using System.ServiceModel;
using System.Xml.Linq;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.Faults;
using WsRm.Server.Dispatch;
using WsRm.Server.Tests.Dispatch.Samples;
using static WsRm.Server.Tests.Dispatch.DispatchHarness;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>Faults shaped as WCF's dispatcher shapes them, so the WCF client raises the same exceptions.</summary>
public sealed class OperationDispatcherFaultTests
{
    private const string Ns = "urn:wsrm:tests";
    private const string NetDispatch = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";
    private static readonly ServiceDispatcher Sample = ServiceDispatcher.Create(typeof(SampleService), null);

    [Fact]
    public async Task DeclaredFault_CarriesTheDetailUnderTheDefaultFaultAction()
    {
        OperationResult result = await CallAsync(Sample, new SampleService(), Ns + "/ISampleService/Reject",
            "<Reject xmlns=\"urn:wsrm:tests\"><reason>too big</reason></Reject>");

        SoapFault fault = Assert.IsType<SoapFault>(result.FaultValue);
        Assert.Equal(FaultCodeKind.Sender, fault.Code);
        Assert.Null(fault.Subcode);
        Assert.Equal("Order rejected", fault.Reason);
        Assert.Equal("urn:wsrm:tests/ISampleService/RejectOrderFaultFault", fault.Action);
        XElement detail = Detail(fault)!;
        XNamespace data = "urn:wsrm:tests:data";
        Assert.Equal(data + "OrderFault", detail.Name);
        Assert.Equal(["too big", "42"], detail.Elements().Select(e => e.Value));
        Assert.Equal([data + "Problem", data + "Code"], detail.Elements().Select(e => e.Name));
    }

    [Fact]
    public async Task NamedFaultContract_UsesItsElementActionAndTheExceptionsCode()
    {
        ServiceDispatcher custom = ServiceDispatcher.Create(typeof(CustomNamesService), null);

        OperationResult result = await CallAsync(custom, new CustomNamesService(), "http://example.org/custom/Custom/Fail",
            "<Fail xmlns=\"http://example.org/custom/\"><why>why</why></Fail>");

        SoapFault fault = Assert.IsType<SoapFault>(result.FaultValue);
        Assert.Equal(FaultCodeKind.Receiver, fault.Code);
        Assert.Equal(new System.Xml.XmlQualifiedName("Busy", "urn:codes"), fault.Subcode);
        Assert.Equal("http://example.org/custom/Custom/FailProblem", fault.Action);
        XElement detail = Detail(fault)!;
        Assert.Equal(XName.Get("Problem", "urn:problems"), detail.Name);
        Assert.Equal("why", detail.Element(XName.Get("Problem", "urn:wsrm:tests:data"))?.Value);
    }

    [Fact]
    public async Task FaultException_IsASenderFaultWithItsSubcode()
    {
        OperationResult result = await CallAsync(Sample, new SampleService(), Ns + "/ISampleService/Refuse",
            "<Refuse xmlns=\"urn:wsrm:tests\"><text>no</text></Refuse>");

        SoapFault fault = Assert.IsType<SoapFault>(result.FaultValue);
        Assert.Equal(FaultCodeKind.Sender, fault.Code);
        Assert.Equal(new System.Xml.XmlQualifiedName("Refused", "urn:wsrm:tests:codes"), fault.Subcode);
        Assert.Equal("Refused: no", fault.Reason);
        Assert.Null(fault.Action);
        Assert.Null(fault.WriteDetail);
    }

    [Fact]
    public async Task UnexpectedException_HidesInternals()
    {
        OperationResult result = await CallAsync(Sample, new SampleService(), Ns + "/ISampleService/Crash",
            "<Crash xmlns=\"urn:wsrm:tests\"><text>x</text></Crash>");

        SoapFault fault = Assert.IsType<SoapFault>(result.FaultValue);
        Assert.Equal(FaultCodeKind.Receiver, fault.Code);
        Assert.Equal(new System.Xml.XmlQualifiedName("InternalServiceFault", NetDispatch), fault.Subcode);
        Assert.Equal("The server was unable to process the request due to an internal error.", fault.Reason);
        Assert.Equal(NetDispatch + "/fault", fault.Action);
        Assert.Null(fault.WriteDetail);
        Assert.IsType<InvalidOperationException>(result.Exception);
    }

    [Fact]
    public async Task UnexpectedException_WithDetails_SendsExceptionDetail()
    {
        OperationResult result = await CallAsync(Sample, new SampleService(), Ns + "/ISampleService/Crash",
            "<Crash xmlns=\"urn:wsrm:tests\"><text>x</text></Crash>", includeExceptionDetail: true);

        SoapFault fault = Assert.IsType<SoapFault>(result.FaultValue);
        Assert.Equal("secret internals: x", fault.Reason);
        Assert.Equal(NetDispatch + "/fault", fault.Action);
        XElement detail = Detail(fault)!;
        XNamespace model = "http://schemas.datacontract.org/2004/07/System.ServiceModel";
        Assert.Equal(model + "ExceptionDetail", detail.Name);
        Assert.Equal("secret internals: x", detail.Element(model + "Message")?.Value);
        Assert.Equal("System.InvalidOperationException", detail.Element(model + "Type")?.Value);
        Assert.Contains(nameof(SampleService.Crash), detail.Element(model + "StackTrace")?.Value);
    }

    [Fact]
    public async Task UnreadableParameter_IsADeserializationFaultWithoutInternals()
    {
        OperationResult result = await CallAsync(Sample, new SampleService(), Ns + "/ISampleService/Add",
            "<Add xmlns=\"urn:wsrm:tests\"><first>abc</first></Add>");

        SoapFault fault = Assert.IsType<SoapFault>(result.FaultValue);
        Assert.Equal(FaultCodeKind.Sender, fault.Code);
        Assert.Equal(new System.Xml.XmlQualifiedName("DeserializationFailed", NetDispatch), fault.Subcode);
        Assert.Equal("The formatter threw an exception while trying to deserialize the message: " +
            "There was an error while trying to deserialize parameter urn:wsrm:tests:first.", fault.Reason);
        Assert.Null(fault.WriteDetail);
    }

    [Fact]
    public async Task UnreadableParameter_WithDetails_SaysWhy()
    {
        OperationResult result = await CallAsync(Sample, new SampleService(), Ns + "/ISampleService/Add",
            "<Add xmlns=\"urn:wsrm:tests\"><first>abc</first></Add>", includeExceptionDetail: true);

        SoapFault fault = Assert.IsType<SoapFault>(result.FaultValue);
        Assert.Contains("parameter urn:wsrm:tests:first. There was an error deserializing the object of type System.Int32.", fault.Reason);
        Assert.Equal(XName.Get("ExceptionDetail", "http://schemas.datacontract.org/2004/07/System.ServiceModel"), Detail(fault)!.Name);
    }

    [Fact]
    public async Task WrongWrapper_IsADeserializationFault()
    {
        OperationResult result = await CallAsync(Sample, new SampleService(), Ns + "/ISampleService/Echo",
            "<Echo xmlns=\"urn:other\"><text>hi</text></Echo>");

        SoapFault fault = Assert.IsType<SoapFault>(result.FaultValue);
        Assert.Equal("DeserializationFailed", fault.Subcode?.Name);
        Assert.Contains("Expected element 'Echo' in namespace 'urn:wsrm:tests' but found Element 'Echo' in namespace 'urn:other'", fault.Reason);
    }

    [Fact]
    public async Task CancellationByTheToken_Propagates_OtherwiseItIsAFault()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(CancellingService), null);
        var service = new CancellingService();

        OperationResult uncancelled = await CallAsync(dispatcher, service, "urn:cancel/ICancelling/Stop", "<Stop xmlns=\"urn:cancel\"/>");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CallAsync(dispatcher, service, "urn:cancel/ICancelling/Stop",
            "<Stop xmlns=\"urn:cancel\"/>", cancellationToken: service.CancelOnNextCall()));

        Assert.Equal("InternalServiceFault", uncancelled.FaultValue?.Subcode?.Name);
    }

    [ServiceContract(Name = "ICancelling", Namespace = "urn:cancel")]
    public interface ICancelling
    {
        [OperationContract] Task StopAsync();
    }

    private sealed class CancellingService : ICancelling
    {
        private CancellationTokenSource? _source;

        public CancellationToken CancelOnNextCall() => (_source = new CancellationTokenSource()).Token;

        public Task StopAsync()
        {
            _source?.Cancel();
            throw new OperationCanceledException();
        }
    }
}
