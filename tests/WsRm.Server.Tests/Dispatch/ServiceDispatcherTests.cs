using System.ServiceModel;
using WsRm.Protocol.Contracts;
using WsRm.Server.Dispatch;
using WsRm.Server.Tests.Dispatch.Samples;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>Contract discovery, WCF's default names and actions, and the contract checks made at Create.</summary>
public sealed class ServiceDispatcherTests
{
    [Fact]
    public void Create_DescribesTheContractWithWcfDefaults()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(SampleService), null);

        Assert.Equal(typeof(SampleService), dispatcher.ServiceType);
        ContractInfo contract = Assert.Single(dispatcher.Contracts);
        Assert.Equal(typeof(ISampleService), contract.Interface);
        Assert.Equal("urn:wsrm:tests", contract.Namespace);
        Assert.Equal("ISampleService", contract.Name);
        Assert.Equal("ISampleService", dispatcher.ContractNames);
        Assert.True(dispatcher.HasRequestReplyOperations);
        Assert.Equal(
            ["Echo", "Received", "Post", "EchoLater", "Ping", "Add", "Place", "Count", "Reject", "Refuse", "Crash"],
            dispatcher.Operations.Select(o => o.Name));

        Assert.True(dispatcher.TryGetOperation("urn:wsrm:tests/ISampleService/EchoLater", out OperationDispatcher? later));
        Assert.Equal(("EchoLater", "urn:wsrm:tests/ISampleService/EchoLaterResponse", false), (later.Name, later.ReplyAction, later.IsOneWay));
        Assert.True(dispatcher.TryGetOperation("urn:wsrm:tests/ISampleService/Post", out OperationDispatcher? post));
        Assert.Equal((true, (string?)null), (post.IsOneWay, post.ReplyAction));
    }

    [Fact]
    public void Create_DefaultNamespaceAndOneWayOnly()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(Notifications), typeof(INotifications));

        Assert.Equal("http://tempuri.org/", Assert.Single(dispatcher.Contracts).Namespace);
        Assert.False(dispatcher.HasRequestReplyOperations);
        Assert.Equal(["http://tempuri.org/INotifications/Notify", "http://tempuri.org/INotifications/NotifyLater"],
            dispatcher.Operations.Select(o => o.Action));
    }

    [Fact]
    public void Create_ExposesInheritedOperationsUnderTheirOwnContract()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(DerivedService), null);

        Assert.Equal(typeof(IDerivedContract), Assert.Single(dispatcher.Contracts).Interface);
        Assert.Equal(
            ["urn:wsrm:tests:derived/IDerivedContract/Where", "urn:wsrm:tests:base/Base/Who"],
            dispatcher.Operations.Select(o => o.Action).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void TryGetOperation_UnknownAction_IsFalse()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(SampleService), null);

        Assert.False(dispatcher.TryGetOperation("urn:wsrm:tests/ISampleService/Nope", out OperationDispatcher? operation));
        Assert.Null(operation);
        Assert.False(dispatcher.TryGetOperation("urn:wsrm:tests/ISampleService/echo", out _));
    }

    [Fact]
    public void TryGetOperation_FallsBackToTheWildcardAction()
    {
        ServiceDispatcher dispatcher = ServiceDispatcher.Create(typeof(Invalid.CatchAll), null);

        Assert.True(dispatcher.TryGetOperation("urn:anything", out OperationDispatcher? any));
        Assert.Equal("Any", any.Name);
        Assert.True(dispatcher.TryGetOperation("http://tempuri.org/ICatchAll/Known", out OperationDispatcher? known));
        Assert.Equal("Known", known.Name);
    }

    [Theory]
    [InlineData(typeof(Invalid.OutParameter), "Get", "out, ref and in parameters")]
    [InlineData(typeof(Invalid.RefParameter), "Swap", "out, ref and in parameters")]
    [InlineData(typeof(Invalid.GenericMethod), "Echo", "generic methods")]
    [InlineData(typeof(Invalid.DuplicateAction), "Second", "share the action 'urn:same'")]
    [InlineData(typeof(Invalid.DuplicateName), "Echo", "both define operation 'Echo'")]
    [InlineData(typeof(Invalid.OneWayWithResult), "Get", "one-way operation must return void")]
    [InlineData(typeof(Invalid.OneWayWithFault), "Fire", "cannot declare [FaultContract]")]
    [InlineData(typeof(Invalid.AsyncPattern), "BeginGet", "Begin/End async pattern")]
    [InlineData(typeof(Invalid.StreamParameter), "Upload", "Stream")]
    [InlineData(typeof(Invalid.MismatchedPair), "Get", "differ in result type")]
    public void Create_RejectsUnsupportedShapes(Type service, string method, string problem)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceDispatcher.Create(service, null));

        Type contract = service.GetInterfaces().Single();
        Assert.Contains(contract.FullName!, error.Message);
        Assert.Contains(method, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Create_NoContract_SaysSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceDispatcher.Create(typeof(Invalid.NoContract), null));

        Assert.Contains(typeof(Invalid.NoContract).FullName!, error.Message);
        Assert.Contains("implements no interface marked [ServiceContract]", error.Message);
    }

    [Fact]
    public void Create_ContractNotImplemented_SaysSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceDispatcher.Create(typeof(Notifications), typeof(ISampleService)));

        Assert.Contains($"{typeof(Notifications).FullName} does not implement contract {typeof(ISampleService).FullName}", error.Message);
    }
}
