namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>Implements <see cref="IDerivedContract"/>.</summary>
public sealed class DerivedService : IDerivedContract
{
    public string Who(string asker) => "derived for " + asker;

    public string Where() => "here";
}
