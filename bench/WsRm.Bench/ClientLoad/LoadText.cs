namespace WsRm.Bench.ClientLoad;

/// <summary>What every call sends.</summary>
internal static class LoadText
{
    public const string Hello = "hello";
}
