namespace WsRm.Protocol.Contracts;

/// <summary>
/// A request body the operation cannot read. The message speaks only of the request's own XML, so it may go to the
/// client; an inner exception (the serializer's) may not.
/// </summary>
internal sealed class BodyFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BodyFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
