namespace WsRm.Packaging.Tests;

/// <summary>The tests that share one <see cref="PackageFeed"/> (packed once).</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "packages";
}
