using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>A data-contract service covering each supported operation shape.</summary>
[ServiceContract(Namespace = SampleService.Namespace)]
public interface ISampleService
{
    [OperationContract] string? Echo(string? text);

    [OperationContract] string[] Received(string prefix);

    [OperationContract(IsOneWay = true)] void Post(string text);

    [OperationContract] Task<string> EchoLaterAsync(string text);

    [OperationContract] Task PingAsync();

    [OperationContract] int Add(int first, [MessageParameter(Name = "second")] int b);

    [OperationContract] Order Place(Order order);

    [OperationContract] ValueTask<int> CountAsync(string[] items);

    [OperationContract, FaultContract(typeof(OrderFault))] void Reject(string reason);

    [OperationContract] string Refuse(string text);

    [OperationContract] string Crash(string text);
}
