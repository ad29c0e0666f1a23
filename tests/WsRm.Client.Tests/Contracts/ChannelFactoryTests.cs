using System.ServiceModel;
using WsRm.Client.Tests.Contracts.Samples;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Contracts;

/// <summary>Typed proxies against the real server, over RM 1.0/1.1 × SOAP 1.1/1.2.</summary>
public sealed class ChannelFactoryTests(ContractServerFixture fixture) : IClassFixture<ContractServerFixture>
{
    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    private WsRmChannelFactory<T> Factory<T>(Uri address, WsRmVersion rm = WsRmVersion.Rm11, WsRmSoapVersion soap = WsRmSoapVersion.Soap12)
        where T : class => new(Sessions.Options(address, rm, soap));

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Every_method_shape_round_trips(WsRmVersion rm, WsRmSoapVersion soap)
    {
        using var factory = Factory<IOrderService>(fixture.Server.Orders, rm, soap);
        var proxy = await factory.CreateChannelAsync().Within();
        await using var channel = (IWsRmChannel)proxy;

        var placed = proxy.Place(new Order { Item = "tea", Quantity = 3, Notes = ["green"] });
        Assert.Equal(("tea", 3), (placed.Item, placed.Quantity));
        Assert.Equal(["green", "confirmed"], placed.Notes);
        Assert.Equal("coffee", (await proxy.PlaceAsync(new Order { Item = "coffee", Quantity = 1 }).Within()).Item);
        Assert.Equal(5, proxy.Add(2, 3));
        Assert.Equal(1, await proxy.NextAsync().AsTask().Within());
        Assert.Null(proxy.Nothing());

        proxy.Log("a");
        await proxy.LogLaterAsync("b").Within();
        proxy.Log("c");
        Assert.Equal(["a", "b", "c"], await proxy.LinesAsync().Within());
        await proxy.ClearAsync().Within();
        Assert.Empty(await proxy.LinesAsync().Within());

        await channel.CloseAsync().Within();
        Assert.Equal(CommunicationState.Closed, channel.State);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_declared_fault_is_a_typed_FaultException_and_the_session_goes_on(WsRmVersion rm, WsRmSoapVersion soap)
    {
        using var factory = Factory<IOrderService>(fixture.Server.Orders, rm, soap);
        var proxy = factory.CreateChannel();
        await using var channel = (IWsRmChannel)proxy;

        var fault = Assert.Throws<FaultException<OrderFault>>(() => proxy.Place(new Order { Item = "tea", Quantity = 0 }));
        Assert.Equal(("no tea", 42), (fault.Detail.Problem, fault.Detail.Code));
        Assert.Equal("Quantity must be positive.", fault.Reason.ToString());
        Assert.True(fault.Code.IsSenderFault || fault.Code.IsReceiverFault, fault.Code.Name);

        var viaTask = await Assert.ThrowsAsync<FaultException<OrderFault>>(() => proxy.PlaceAsync(new Order { Item = "x" })).Within();
        Assert.Equal(42, viaTask.Detail.Code);

        Assert.Equal(7, proxy.Add(3, 4));
        Assert.Equal(CommunicationState.Opened, channel.State);
    }

    [Fact]
    public async Task An_undeclared_exception_is_a_plain_FaultException_without_details_and_faults_the_channel()
    {
        using var factory = Factory<IOrderService>(fixture.Server.Orders);
        var proxy = factory.CreateChannel();
        await using var channel = (IWsRmChannel)proxy;
        Assert.Equal(2, proxy.Add(1, 1));

        var fault = Assert.Throws<FaultException>(() => proxy.Fail("secret"));
        Assert.IsNotType<FaultException<ExceptionDetail>>(fault);
        Assert.DoesNotContain("secret", fault.Message);
        Assert.True(fault.Code.IsReceiverFault, fault.Code.Name);
        // The service ended its session after that fault (as WCF's does); the channel is faulted, as a WCF proxy's is.
        Assert.Equal(CommunicationState.Faulted, channel.State);
        Assert.Throws<CommunicationObjectFaultedException>(() => proxy.Add(1, 1));

        var fresh = factory.CreateChannel();
        await using var freshChannel = (IWsRmChannel)fresh;
        Assert.Equal(4, fresh.Add(2, 2));
    }

    [Fact]
    public async Task With_exception_details_included_the_fault_carries_an_ExceptionDetail()
    {
        await using var server = await ContractServer.StartAsync(includeExceptionDetail: true);
        using var factory = Factory<IOrderService>(server.Orders);
        var proxy = factory.CreateChannel();
        await using var channel = (IWsRmChannel)proxy;

        var fault = Assert.Throws<FaultException<ExceptionDetail>>(() => proxy.Fail("visible"));
        Assert.Equal("visible", fault.Detail.Message);
        Assert.Equal(typeof(InvalidOperationException).FullName, fault.Detail.Type);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task An_XmlSerializer_contract_round_trips(WsRmVersion rm, WsRmSoapVersion soap)
    {
        using var factory = Factory<IInvoiceService>(fixture.Server.Invoices, rm, soap);
        var proxy = await factory.CreateChannelAsync().Within();
        await using var channel = (IWsRmChannel)proxy;

        var total = proxy.Total(new Invoice { Number = "INV-1", Lines = [1.5m, 2.25m] }, "/a");
        Assert.Equal(("INV-1/a", 3.75m), (total.Number, total.Total));
        Assert.Equal([1.5m, 2.25m], total.Lines);
        Assert.Equal((string?)"", proxy.Total(new Invoice { Number = null }, null).Number); // null + null is ""
        Assert.Equal(["A", "B"], await proxy.NumbersAsync([new Invoice { Number = "A" }, new Invoice { Number = "B" }]).Within());
    }

    [Fact]
    public async Task Each_proxy_has_its_own_session_opened_on_first_call()
    {
        using var factory = Factory<IOrderService>(fixture.Server.Orders);
        var first = factory.CreateChannel();
        var second = factory.CreateChannel();
        await using var firstChannel = (IWsRmChannel)first;
        await using var secondChannel = (IWsRmChannel)second;
        Assert.Equal(CommunicationState.Created, firstChannel.State);
        Assert.Null(firstChannel.Session);

        Assert.Equal(1, await first.NextAsync().AsTask().Within());
        Assert.Equal(2, await first.NextAsync().AsTask().Within());
        Assert.Equal(1, await second.NextAsync().AsTask().Within());
        Assert.Equal(CommunicationState.Opened, firstChannel.State);
        Assert.NotEqual(firstChannel.Session!.SequenceId, secondChannel.Session!.SequenceId);
    }

    [Fact]
    public async Task Concurrent_calls_on_one_proxy_are_each_answered()
    {
        using var factory = Factory<IOrderService>(fixture.Server.Orders);
        var proxy = await factory.CreateChannelAsync().Within();
        await using var channel = (IWsRmChannel)proxy;

        var placed = Enumerable.Range(0, 40).Select(i => proxy.PlaceAsync(new Order { Item = "i" + i, Quantity = 1 })).ToArray();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => "i" + i), (await Task.WhenAll(placed).Within()).Select(o => o.Item));

        // Synchronous calls block their thread each (as WCF's do); a few from the pool at once are fine.
        var sums = Enumerable.Range(0, 4).Select(i => Task.Run(() => proxy.Add(i, 1000))).ToArray();
        Assert.Equal(Enumerable.Range(1000, 4), await Task.WhenAll(sums).Within());
    }

    [Fact]
    public async Task A_closed_channel_refuses_calls_and_an_aborted_one_faults_them()
    {
        using var factory = Factory<IOrderService>(fixture.Server.Orders);
        var closed = await factory.CreateChannelAsync().Within();
        await ((IWsRmChannel)closed).CloseAsync().Within();
        Assert.ThrowsAny<InvalidOperationException>(() => closed.Add(1, 2));

        var aborted = await factory.CreateChannelAsync().Within();
        ((IWsRmChannel)aborted).Abort();
        Assert.ThrowsAny<CommunicationException>(() => aborted.Add(1, 2));

        var never = factory.CreateChannel();
        await ((IWsRmChannel)never).CloseAsync().Within();
        Assert.Equal(CommunicationState.Closed, ((IWsRmChannel)never).State);
    }

    [Fact]
    public async Task The_host_sample_contract_is_shared_by_client_and_server()
    {
        await using var host = new ServerFixture();
        await host.InitializeAsync();
        try
        {
            using var factory = Factory<WsRm.Host.Services.IEchoService>(host.EchoAddress, WsRmVersion.Rm10, WsRmSoapVersion.Soap12);
            var proxy = factory.CreateChannel();
            await using var channel = (IWsRmChannel)proxy;
            var prefix = $"typed-{Guid.NewGuid():N}-";
            for (var i = 0; i < 5; i++) proxy.Post(prefix + i);
            Assert.Equal("hi", proxy.Echo("hi"));
            Assert.Equal(Enumerable.Range(0, 5).Select(i => prefix + i), proxy.Received(prefix));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
