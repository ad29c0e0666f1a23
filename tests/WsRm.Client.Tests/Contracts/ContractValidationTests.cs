using System.ServiceModel;
using WsRm.Client.Tests.Contracts.Samples;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Contracts;

/// <summary>What cannot be proxied fails when the factory is made, with the reason.</summary>
public sealed class ContractValidationTests
{
    private static readonly WsRmClientOptions Options = Sessions.Options(new Uri("http://127.0.0.1:9/x"), WsRmVersion.Rm11, WsRmSoapVersion.Soap12);

    public interface INotAContract
    {
        [OperationContract] string Echo(string text);
    }

    [ServiceContract]
    public interface IWithByRef
    {
        [OperationContract] void Swap(ref int value);
    }

    [ServiceContract]
    public interface IWithPlainMethod
    {
        [OperationContract] int Add(int a, int b);

        int NotAnOperation();
    }

    [Fact]
    public void An_interface_without_ServiceContract_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new WsRmChannelFactory<INotAContract>(Options));
        Assert.Contains("[ServiceContract]", e.Message);
    }

    [Fact]
    public void An_unsupported_method_shape_names_the_method()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new WsRmChannelFactory<IWithByRef>(Options));
        Assert.Contains("Swap", e.Message);
    }

    [Fact]
    public void Invalid_options_are_refused_up_front()
    {
        Assert.ThrowsAny<ArgumentException>(() => new WsRmChannelFactory<IOrderService>(new WsRmClientOptions()));
    }

    [Fact]
    public void A_method_that_is_not_an_operation_throws_NotSupportedException()
    {
        using var factory = new WsRmChannelFactory<IWithPlainMethod>(Options);
        var proxy = factory.CreateChannel();
        var e = Assert.Throws<NotSupportedException>(() => proxy.NotAnOperation());
        Assert.Contains("NotAnOperation", e.Message);
    }
}
