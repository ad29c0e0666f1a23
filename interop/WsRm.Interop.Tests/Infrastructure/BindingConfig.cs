using System.ServiceModel.Channels;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>One WCF client configuration of the interop matrix.</summary>
public sealed class BindingConfig(string name, bool ordered, Func<Binding> create)
{
    /// <summary>Readable name shown in the test display, e.g. "Custom RM1.1 SOAP1.1 ordered".</summary>
    public string Name { get; } = name;

    /// <summary>Whether the client asks for (and the matching server endpoint gives) ordered delivery.</summary>
    public bool Ordered { get; } = ordered;

    /// <summary>A new binding with the matrix's short timeouts.</summary>
    public Binding CreateBinding() => create();

    /// <summary>The server path for <paramref name="basePath"/> that matches <see cref="Ordered"/> ("/echo" or "/echo-unordered").</summary>
    public string Path(string basePath) => Ordered ? basePath : basePath + "-unordered";

    /// <inheritdoc />
    public override string ToString() => Name;
}
