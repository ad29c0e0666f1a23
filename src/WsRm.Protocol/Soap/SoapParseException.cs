namespace WsRm.Protocol;

/// <summary>A message could not be read: malformed XML, a DTD, a missing or invalid element.</summary>
public sealed class SoapParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SoapParseException(string message, Exception? inner = null) : base(message, inner) { }
}
