namespace WsRm.Server.Tests.Hosting;

/// <summary>Wire names of <see cref="ICounter"/> (WCF defaults for the contract).</summary>
internal static class CounterNames
{
    public const string Namespace = "urn:wsrm:tests";
    public const string IncrementAction = Namespace + "/ICounter/Increment";
    public const string IncrementBody = "<Increment xmlns=\"" + Namespace + "\"/>";
}
