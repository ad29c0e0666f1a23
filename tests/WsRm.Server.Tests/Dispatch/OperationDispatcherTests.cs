using System.Xml.Linq;
using WsRm.Protocol.Contracts;
using WsRm.Server.Dispatch;
using WsRm.Server.Tests.Dispatch.Samples;
using static WsRm.Server.Tests.Dispatch.DispatchHarness;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>
/// Data-contract operations, with request bodies as the WCF client (System.ServiceModel.Http 10.1) writes them and
/// replies checked against what it reads.
/// </summary>
public sealed class OperationDispatcherTests
{
    private const string Ns = "urn:wsrm:tests";
    private const string Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly ServiceDispatcher Sample = ServiceDispatcher.Create(typeof(SampleService), null);
    private readonly SampleService _service = new();

    [Fact]
    public async Task Echo_RoundTripsAString()
    {
        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/Echo",
            "<Echo xmlns=\"urn:wsrm:tests\"><text>hi &amp; bye</text></Echo>");

        Assert.Equal(Ns + "/ISampleService/EchoResponse", result.ReplyAction);
        Assert.Equal("<EchoResponse xmlns=\"urn:wsrm:tests\"><EchoResult>hi &amp; bye</EchoResult></EchoResponse>", ReplyXml(result));
    }

    [Fact]
    public async Task Echo_NilInAndOut()
    {
        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/Echo",
            "<Echo xmlns=\"urn:wsrm:tests\"><text b:nil=\"true\" xmlns:b=\"http://www.w3.org/2001/XMLSchema-instance\"/></Echo>");

        XElement echoResult = Assert.Single(Reply(result).Elements());
        Assert.Equal(XName.Get("EchoResult", Ns), echoResult.Name);
        Assert.Equal("true", (string?)echoResult.Attribute(XName.Get("nil", Xsi)));
    }

    [Fact]
    public async Task Received_WritesAStringArrayInTheArraysNamespace()
    {
        _service.Post("p1");
        _service.Post("x2");
        _service.Post("p3");

        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/Received",
            "<Received xmlns=\"urn:wsrm:tests\"><prefix>p</prefix></Received>");

        XElement reply = Reply(result);
        Assert.Equal(XName.Get("ReceivedResponse", Ns), reply.Name);
        XElement array = Assert.Single(reply.Elements());
        Assert.Equal(XName.Get("ReceivedResult", Ns), array.Name);
        Assert.All(array.Elements(), e => Assert.Equal(XName.Get("string", Arrays), e.Name));
        Assert.Equal(["p1", "p3"], array.Elements().Select(e => e.Value));
    }

    [Fact]
    public async Task Post_IsOneWay()
    {
        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/Post",
            "<Post xmlns=\"urn:wsrm:tests\"><text>p1</text></Post>");

        Assert.Same(OperationResult.OneWay, result);
        Assert.Null(result.WriteBody);
        Assert.Equal(["p1"], _service.Posted);
    }

    [Fact]
    public async Task TaskOfT_IsAwaitedAndNamedWithoutAsync()
    {
        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/EchoLater",
            "<EchoLater xmlns=\"urn:wsrm:tests\"><text>t</text></EchoLater>");

        Assert.Equal("<EchoLaterResponse xmlns=\"urn:wsrm:tests\"><EchoLaterResult>later:t</EchoLaterResult></EchoLaterResponse>", ReplyXml(result));
    }

    [Fact]
    public async Task Task_RepliesWithAnEmptyWrapper()
    {
        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/Ping", "<Ping xmlns=\"urn:wsrm:tests\"/>");

        Assert.Equal(Ns + "/ISampleService/PingResponse", result.ReplyAction);
        Assert.Equal("<PingResponse xmlns=\"urn:wsrm:tests\" />", ReplyXml(result));
    }

    [Fact]
    public async Task ValueTaskOfT_ReadsAnArrayParameter()
    {
        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/Count",
            "<Count xmlns=\"urn:wsrm:tests\"><items xmlns:a=\"" + Arrays + "\"><a:string>x</a:string><a:string>y</a:string></items></Count>");

        Assert.Equal("<CountResponse xmlns=\"urn:wsrm:tests\"><CountResult>2</CountResult></CountResponse>", ReplyXml(result));
    }

    [Fact]
    public async Task Parameters_MatchByMessageParameterNameInAnyOrder()
    {
        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/Add",
            "<Add xmlns=\"urn:wsrm:tests\"><second>40</second><unknown><deep/></unknown><first>2</first></Add>");

        Assert.Equal("42", Reply(result).Value);
    }

    [Fact]
    public async Task MissingParameters_GetDefaults()
    {
        OperationResult add = await CallAsync(Sample, _service, Ns + "/ISampleService/Add", "<Add xmlns=\"urn:wsrm:tests\"><second>5</second></Add>");
        OperationResult count = await CallAsync(Sample, _service, Ns + "/ISampleService/Count", "<Count xmlns=\"urn:wsrm:tests\"/>");
        OperationResult emptyBody = await CallAsync(Sample, _service, Ns + "/ISampleService/Add", "");

        Assert.Equal("5", Reply(add).Value);
        Assert.Equal("-1", Reply(count).Value);
        Assert.Equal("0", Reply(emptyBody).Value);
    }

    [Fact]
    public async Task DataContract_RoundTripsAComplexType()
    {
        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/Place",
            "<Place xmlns=\"urn:wsrm:tests\"><order xmlns:b=\"urn:wsrm:tests:data\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">" +
            "<b:Item>book</b:Item><b:Quantity>3</b:Quantity></order></Place>");

        XElement placeResult = Assert.Single(Reply(result).Elements());
        Assert.Equal(XName.Get("PlaceResult", Ns), placeResult.Name);
        XNamespace data = "urn:wsrm:tests:data";
        Assert.Equal(["BOOK", "6"], placeResult.Elements().Select(e => e.Value));
        Assert.Equal([data + "Item", data + "Quantity"], placeResult.Elements().Select(e => e.Name));
    }

    [Fact]
    public async Task IndentedBodyWithComments_IsReadLikeACompactOne()
    {
        OperationResult result = await CallAsync(Sample, _service, Ns + "/ISampleService/Add",
            "\n  <Add xmlns=\"urn:wsrm:tests\">\n    <!-- c -->\n    <first>2</first>\n    <second> 3 </second>\n  </Add>\n");

        Assert.Equal("<AddResponse xmlns=\"urn:wsrm:tests\"><AddResult>5</AddResult></AddResponse>", ReplyXml(result));
    }

    [Fact]
    public async Task SyncAndTaskPair_IsOneOperationCallingTheTaskMethod()
    {
        ServiceDispatcher paired = ServiceDispatcher.Create(typeof(PairedService), null);

        OperationResult result = await CallAsync(paired, new PairedService(), "urn:wsrm:tests:paired/IPairedService/Hello",
            "<Hello xmlns=\"urn:wsrm:tests:paired\"><name>x</name></Hello>");

        Assert.Single(paired.Operations);
        Assert.Equal("<HelloResponse xmlns=\"urn:wsrm:tests:paired\"><HelloResult>async:x</HelloResult></HelloResponse>", ReplyXml(result));
    }

    [Fact]
    public async Task InheritedOperation_UsesTheBaseContractsNamesThroughout()
    {
        ServiceDispatcher derived = ServiceDispatcher.Create(typeof(DerivedService), null);

        OperationResult result = await CallAsync(derived, new DerivedService(), "urn:wsrm:tests:base/Base/Who",
            "<Who xmlns=\"urn:wsrm:tests:base\"><asker>me</asker></Who>");

        Assert.Equal("urn:wsrm:tests:base/Base/WhoResponse", result.ReplyAction);
        Assert.Equal("<WhoResponse xmlns=\"urn:wsrm:tests:base\"><WhoResult>derived for me</WhoResult></WhoResponse>", ReplyXml(result));
    }

    [Fact]
    public async Task CustomNames_RenameTheWrapperAndResult()
    {
        ServiceDispatcher custom = ServiceDispatcher.Create(typeof(CustomNamesService), null);

        OperationResult result = await CallAsync(custom, new CustomNamesService(), "urn:custom:do",
            "<Renamed xmlns=\"http://example.org/custom/\"><value>v</value></Renamed>");

        Assert.Equal("urn:custom:done", result.ReplyAction);
        Assert.Equal("<RenamedResponse xmlns=\"http://example.org/custom/\"><Outcome>done:v</Outcome></RenamedResponse>", ReplyXml(result));
    }

    [Fact]
    public async Task OneWayOnlyContract_RunsTaskMethods()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(Notifications), null);
        var service = new Notifications();

        OperationResult result = await CallAsync(dispatcher, service, "http://tempuri.org/INotifications/NotifyLater",
            "<NotifyLater xmlns=\"http://tempuri.org/\"><text>n</text></NotifyLater>");

        Assert.True(result.IsOneWay);
        Assert.Equal(["later:n"], service.Received);
    }

    [Fact]
    public async Task CancelledToken_Throws()
    {
        Assert.True(Sample.TryGetOperation(Ns + "/ISampleService/Echo", out OperationDispatcher? echo));
        using var reader = System.Xml.XmlReader.Create(new StringReader("<Echo xmlns=\"urn:wsrm:tests\"/>"));
        reader.MoveToContent();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => echo.InvokeAsync(_service, reader, false, new CancellationToken(true)).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
