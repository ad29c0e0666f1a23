using System.ServiceModel;
using WsRm.Server.Tests.Dispatch.Samples;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>Contracts the dispatcher must refuse (and one odd one it accepts), each with a service implementing it.</summary>
public static class Invalid
{
    [ServiceContract] public interface IOutParameter { [OperationContract] void Get(out string value); }

    public sealed class OutParameter : IOutParameter { public void Get(out string value) => value = ""; }

    [ServiceContract] public interface IRefParameter { [OperationContract] void Swap(ref int value); }

    public sealed class RefParameter : IRefParameter { public void Swap(ref int value) { } }

    [ServiceContract] public interface IGenericMethod { [OperationContract] T Echo<T>(T value); }

    public sealed class GenericMethod : IGenericMethod { public T Echo<T>(T value) => value; }

    [ServiceContract]
    public interface IDuplicateAction
    {
        [OperationContract(Action = "urn:same")] void First();

        [OperationContract(Action = "urn:same")] void Second();
    }

    public sealed class DuplicateAction : IDuplicateAction { public void First() { } public void Second() { } }

    [ServiceContract]
    public interface IDuplicateName
    {
        [OperationContract] string Echo(string text);

        [OperationContract(Name = "Echo")] string EchoNumber(int number);
    }

    public sealed class DuplicateName : IDuplicateName { public string Echo(string text) => text; public string EchoNumber(int number) => ""; }

    [ServiceContract] public interface IOneWayWithResult { [OperationContract(IsOneWay = true)] int Get(); }

    public sealed class OneWayWithResult : IOneWayWithResult { public int Get() => 0; }

    [ServiceContract]
    public interface IOneWayWithFault { [OperationContract(IsOneWay = true), FaultContract(typeof(OrderFault))] void Fire(); }

    public sealed class OneWayWithFault : IOneWayWithFault { public void Fire() { } }

    [ServiceContract]
    public interface IAsyncPattern
    {
        [OperationContract(AsyncPattern = true)] IAsyncResult BeginGet(AsyncCallback callback, object state);

        string EndGet(IAsyncResult result);
    }

    public sealed class AsyncPattern : IAsyncPattern
    {
        public IAsyncResult BeginGet(AsyncCallback callback, object state) => throw new NotSupportedException();

        public string EndGet(IAsyncResult result) => "";
    }

    [ServiceContract] public interface IStreamParameter { [OperationContract] void Upload(Stream data); }

    public sealed class StreamParameter : IStreamParameter { public void Upload(Stream data) { } }

    [ServiceContract]
    public interface IMismatchedPair
    {
        [OperationContract] string Get();

        [OperationContract] Task<int> GetAsync();
    }

    public sealed class MismatchedPair : IMismatchedPair { public string Get() => ""; public Task<int> GetAsync() => Task.FromResult(0); }

    public interface INotAContract { void Work(); }

    public sealed class NoContract : INotAContract { public void Work() { } }

    public sealed class TwoContracts : ISampleService, INotifications
    {
        private readonly SampleService _inner = new();

        public string? Echo(string? text) => text;
        public string[] Received(string prefix) => [];
        public void Post(string text) { }
        public Task<string> EchoLaterAsync(string text) => Task.FromResult(text);
        public Task PingAsync() => Task.CompletedTask;
        public int Add(int first, int b) => first + b;
        public Order Place(Order order) => order;
        public ValueTask<int> CountAsync(string[] items) => new(items.Length);
        public void Reject(string reason) => _inner.Reject(reason);
        public string Refuse(string text) => text;
        public string Crash(string text) => text;
        public void Notify(string text) { }
        public Task NotifyLaterAsync(string text) => Task.CompletedTask;
    }

    [ServiceContract]
    public interface ICatchAll
    {
        [OperationContract(Action = "*")] void Any();

        [OperationContract] void Known();
    }

    public sealed class CatchAll : ICatchAll { public void Any() { } public void Known() { } }
}
