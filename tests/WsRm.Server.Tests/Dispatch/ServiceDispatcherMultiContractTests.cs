using System.Xml.Linq;
using WsRm.Protocol.Contracts;
using WsRm.Server.Dispatch;
using WsRm.Server.Tests.Dispatch.Samples;
using static WsRm.Server.Tests.Dispatch.MultiContract;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>
/// A service implementing several contracts is served with all of them at one address, dispatched by action (WCF: one
/// endpoint per contract, sharing the address); colliding actions fail at Create, naming both methods.
/// </summary>
public sealed class ServiceDispatcherMultiContractTests
{
    private const string Greeter = Namespace + "/IGreeter/";
    private const string Meter = Namespace + "/IMeter/";

    [Fact]
    public void Create_ServesEveryContract_WithEachContractsOwnActions()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(GreeterMeter), null);

        Assert.Equal([typeof(IGreeter), typeof(IMeter)], dispatcher.Contracts.Select(c => c.Interface));
        Assert.Equal("IGreeter, IMeter", dispatcher.ContractNames);
        Assert.Equal(
            [Greeter + "Greet", Greeter + "Echo", Meter + "Next", Meter + "Echo", Meter + "Reset"],
            dispatcher.Operations.Select(o => o.Action));
        Assert.Equal(
            [Greeter + "GreetResponse", Greeter + "EchoResponse", Meter + "NextResponse", Meter + "EchoResponse", null],
            dispatcher.Operations.Select(o => o.ReplyAction));
        Assert.True(dispatcher.HasRequestReplyOperations);
    }

    [Fact]
    public async Task Operations_WithTheSameName_InTwoContracts_ReachTheirOwnMethod()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(GreeterMeter), null);
        var service = new GreeterMeter();
        string body = $"<Echo xmlns=\"{Namespace}\"><text>x</text></Echo>";

        XElement viaGreeter = DispatchHarness.Reply(await DispatchHarness.CallAsync(dispatcher, service, Greeter + "Echo", body));
        XElement viaMeter = DispatchHarness.Reply(await DispatchHarness.CallAsync(dispatcher, service, Meter + "Echo", body));

        XNamespace ns = Namespace;
        Assert.Equal("greeter:x", viaGreeter.Element(ns + "EchoResult")?.Value);
        Assert.Equal("meter:x", viaMeter.Element(ns + "EchoResult")?.Value);
    }

    [Fact]
    public void Create_WithAContract_ServesOnlyThatContract()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(GreeterMeter), typeof(IMeter));

        Assert.Equal(typeof(IMeter), Assert.Single(dispatcher.Contracts).Interface);
        Assert.True(dispatcher.TryGetOperation(Meter + "Echo", out _));
        Assert.False(dispatcher.TryGetOperation(Greeter + "Echo", out _));
        Assert.False(dispatcher.TryGetOperation(Greeter + "Greet", out _));
    }

    [Fact]
    public void Create_ContractsWithACommonBase_ServeTheBaseOperationsOnce()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(Greeters), null);

        Assert.Equal([typeof(ILoudGreeter), typeof(IQuietGreeter)], dispatcher.Contracts.Select(c => c.Interface));
        // The base contract's operations keep the base contract's actions (WCF describes inherited operations from it).
        Assert.Equal(
            [Namespace + "/ILoudGreeter/Shout", Greeter + "Greet", Greeter + "Echo", Namespace + "/IQuietGreeter/Whisper"],
            dispatcher.Operations.Select(o => o.Action));
    }

    [Fact]
    public async Task Create_AContractImplementedAgainByADerivedClass_CountsOnce_AndCallsTheReimplementation()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(GreeterAgain), null);

        Assert.Equal([typeof(IGreeter), typeof(IMeter)], dispatcher.Contracts.Select(c => c.Interface));
        Assert.Equal(5, dispatcher.Operations.Count);
        XElement reply = DispatchHarness.Reply(await DispatchHarness.CallAsync(dispatcher, new GreeterAgain(), Greeter + "Greet",
            $"<Greet xmlns=\"{Namespace}\"><name>you</name></Greet>"));
        Assert.Equal("again you", reply.Element(XName.Get("GreetResult", Namespace))?.Value);
    }

    [Fact]
    public void Create_ServesTheContractsOfAnExistingTwoContractService()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(Invalid.TwoContracts), null);

        Assert.Equal([typeof(INotifications), typeof(ISampleService)], dispatcher.Contracts.Select(c => c.Interface));
        Assert.True(dispatcher.TryGetOperation("http://tempuri.org/INotifications/Notify", out _));
        Assert.True(dispatcher.TryGetOperation("urn:wsrm:tests/ISampleService/Echo", out _));
    }

    [Theory]
    [InlineData(typeof(Clash), typeof(IClashA), "Ping", typeof(IClashB), "Ping", Namespace + "/Clash/Ping")]
    [InlineData(typeof(SharedAction), typeof(ISharedActionA), "Work", typeof(ISharedActionB), "Labour", "urn:wsrm:tests:shared")]
    [InlineData(typeof(TwoCatchAlls), typeof(ICatchAllA), "Any", typeof(ICatchAllB), "Anything", "*")]
    public void Create_TwoContractsWithTheSameAction_FailsNamingBothAndTheAction(Type service, Type first, string firstMethod,
        Type second, string secondMethod, string action)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceDispatcher.Create(service, null));

        Assert.Contains($"{first.FullName}.{firstMethod}", error.Message);
        Assert.Contains($"{second.FullName}.{secondMethod}", error.Message);
        Assert.Contains($"share the action '{action}'", error.Message);
        Assert.Contains("WsRmServiceOptions.Contract", error.Message);
    }

    [Fact]
    public void Create_TwoContractsWithTheSameAction_AreServedOneAtATime()
    {
        ServiceDispatcher a = ServiceDispatcher.Create(typeof(Clash), typeof(IClashA));
        ServiceDispatcher b = ServiceDispatcher.Create(typeof(Clash), typeof(IClashB));

        Assert.Equal(typeof(IClashA), Assert.Single(a.Contracts).Interface);
        Assert.Equal(typeof(IClashB), Assert.Single(b.Contracts).Interface);
    }

    [Fact]
    public void ContractResolver_ListsTheOutermostContracts_OrderedByName()
    {
        IReadOnlyList<ContractInfo> contracts = ContractResolver.Resolve(typeof(DerivedService), null);

        // IBaseContract is extended by IDerivedContract, so it comes with it rather than on its own.
        Assert.Equal(typeof(IDerivedContract), Assert.Single(contracts).Interface);
    }
}
