using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>
/// Services that implement several contracts: two that both declare Echo (told apart by action), contracts sharing a
/// base contract, a contract implemented again by a derived class, and contracts whose actions collide.
/// </summary>
public static class MultiContract
{
    public const string Namespace = "urn:wsrm:tests:multi";

    [ServiceContract(Namespace = Namespace)]
    public interface IGreeter
    {
        [OperationContract] string Greet(string name);

        [OperationContract] string Echo(string text);
    }

    [ServiceContract(Namespace = Namespace)]
    public interface IMeter
    {
        [OperationContract] int Next();

        [OperationContract] string Echo(string text);

        [OperationContract(IsOneWay = true)] void Reset();
    }

    /// <summary>Serves <see cref="IGreeter"/> and <see cref="IMeter"/>; each Echo says which contract it came through.</summary>
    public sealed class GreeterMeter : IGreeter, IMeter
    {
        private int _count;

        public string Greet(string name) => "hello " + name;

        string IGreeter.Echo(string text) => "greeter:" + text;

        public int Next() => Interlocked.Increment(ref _count);

        string IMeter.Echo(string text) => "meter:" + text;

        public void Reset() => Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>Both contracts extend <see cref="IGreeter"/>: its operations reach the address twice, and count once.</summary>
    [ServiceContract(Namespace = Namespace)]
    public interface ILoudGreeter : IGreeter
    {
        [OperationContract] string Shout(string name);
    }

    [ServiceContract(Namespace = Namespace)]
    public interface IQuietGreeter : IGreeter
    {
        [OperationContract] string Whisper(string name);
    }

    public sealed class Greeters : ILoudGreeter, IQuietGreeter
    {
        public string Greet(string name) => "hello " + name;

        public string Echo(string text) => text;

        public string Shout(string name) => name.ToUpperInvariant();

        public string Whisper(string name) => name.ToLowerInvariant();
    }

    /// <summary>A base class implementing <see cref="IGreeter"/>, re-implemented by <see cref="GreeterAgain"/>.</summary>
    public class GreeterBase : IGreeter
    {
        public string Greet(string name) => "base " + name;

        public string Echo(string text) => text;
    }

    public sealed class GreeterAgain : GreeterBase, IGreeter, IMeter
    {
        public new string Greet(string name) => "again " + name;

        public int Next() => 1;

        string IMeter.Echo(string text) => text;

        public void Reset() { }
    }

    /// <summary>Two interfaces WCF would name alike (same Name and Namespace), so their default actions collide.</summary>
    [ServiceContract(Name = "Clash", Namespace = Namespace)]
    public interface IClashA
    {
        [OperationContract] void Ping();
    }

    [ServiceContract(Name = "Clash", Namespace = Namespace)]
    public interface IClashB
    {
        [OperationContract] void Ping();
    }

    public sealed class Clash : IClashA, IClashB
    {
        void IClashA.Ping() { }

        void IClashB.Ping() { }
    }

    /// <summary>Distinct contracts whose operations claim the same explicit action.</summary>
    [ServiceContract(Namespace = Namespace)]
    public interface ISharedActionA
    {
        [OperationContract(Action = "urn:wsrm:tests:shared")] void Work();
    }

    [ServiceContract(Namespace = Namespace)]
    public interface ISharedActionB
    {
        [OperationContract(Action = "urn:wsrm:tests:shared")] void Labour();
    }

    public sealed class SharedAction : ISharedActionA, ISharedActionB
    {
        public void Work() { }

        public void Labour() { }
    }

    /// <summary>Each contract has an <c>Action = "*"</c> operation: two catch-alls cannot share an address.</summary>
    [ServiceContract(Namespace = Namespace)]
    public interface ICatchAllA
    {
        [OperationContract(Action = "*")] void Any();
    }

    [ServiceContract(Namespace = Namespace)]
    public interface ICatchAllB
    {
        [OperationContract(Action = "*")] void Anything();
    }

    public sealed class TwoCatchAlls : ICatchAllA, ICatchAllB
    {
        public void Any() { }

        public void Anything() { }
    }
}
