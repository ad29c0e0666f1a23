namespace WsRm.Interop.Tests.Metadata;

/// <summary>The test classes that share one <see cref="MetadataServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MetadataCollection : ICollectionFixture<MetadataServerFixture>
{
    /// <summary>The collection name for <c>[Collection]</c>.</summary>
    public const string Name = "WsRm metadata";
}
