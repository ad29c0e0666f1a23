namespace WsRm.Protocol;

/// <summary>The envelope is in a namespace that is neither SOAP 1.1 nor SOAP 1.2.</summary>
public sealed class SoapVersionMismatchException(string envelopeNamespace)
    : Exception($"'{envelopeNamespace}' is not a SOAP 1.1 or SOAP 1.2 envelope namespace.")
{
    /// <summary>The namespace received.</summary>
    public string EnvelopeNamespace { get; } = envelopeNamespace;
}
