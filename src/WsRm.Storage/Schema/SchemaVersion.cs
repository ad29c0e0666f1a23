namespace WsRm.Storage;

/// <summary>What a store may do with the schema version it found, the same for every provider.</summary>
internal static class SchemaVersion
{
    /// <summary>
    /// Throws <see cref="StoreSchemaException"/> when <paramref name="found"/> (0: no schema) is newer than
    /// <paramref name="current"/>, or older and <paramref name="migrate"/> is off; returns otherwise.
    /// </summary>
    public static void Check(string database, int found, int current, bool migrate)
    {
        if (found > current)
            throw new StoreSchemaException(
                $"The WsRm store in {database} has schema version {found}, newer than the {current} this version of WsRm knows. " +
                "Run a WsRm version that knows it, or point WsRm:Storage:ConnectionString at another database.");
        if (found < current && !migrate)
            throw new StoreSchemaException(
                $"The WsRm store in {database} has schema version {found}, older than the {current} this version of WsRm uses, and " +
                "this program does not migrate it (MigrateSchema is off). Start the WsRm host on it once (it migrates), or point at another database.");
    }
}
