namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>The test classes that share one <see cref="InteropServerFixture"/> (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class InteropCollection : ICollectionFixture<InteropServerFixture>
{
    /// <summary>The collection name for <c>[Collection]</c>.</summary>
    public const string Name = "WsRm interop";
}
