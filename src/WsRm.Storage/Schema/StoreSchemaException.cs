namespace WsRm.Storage;

/// <summary>
/// The database's schema cannot be used: it is newer than this code knows, older (or missing) where the store must not
/// migrate it (<c>MigrateSchema</c> off), or it could not be created.
/// </summary>
public sealed class StoreSchemaException(string message, Exception? inner = null) : Exception(message, inner);
