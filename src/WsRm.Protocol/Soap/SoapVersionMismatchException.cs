using WsRm.Protocol.Soap;

namespace WsRm.Protocol;

/// <summary>
/// The envelope is not one the receiver can take: its namespace is neither SOAP 1.1 nor SOAP 1.2, or it is the other
/// version than the one the transport announced (the content type selects the SOAP HTTP binding).
/// </summary>
public sealed class SoapVersionMismatchException : Exception
{
    /// <summary>An envelope namespace that is neither SOAP 1.1 nor SOAP 1.2.</summary>
    public SoapVersionMismatchException(string envelopeNamespace)
        : base($"'{envelopeNamespace}' is not a SOAP 1.1 or SOAP 1.2 envelope namespace.")
    {
        EnvelopeNamespace = envelopeNamespace;
    }

    /// <summary>A SOAP envelope of the other version than <paramref name="expected"/>, which the transport announced.</summary>
    public SoapVersionMismatchException(string envelopeNamespace, SoapVersion expected)
        : base($"The envelope is in the namespace '{envelopeNamespace}', but its content type {expected.MediaType} carries " +
               $"{expected} envelopes ('{expected.Namespace}').")
    {
        EnvelopeNamespace = envelopeNamespace;
        Expected = expected;
    }

    /// <summary>The namespace received.</summary>
    public string EnvelopeNamespace { get; }

    /// <summary>The version the transport announced, when the envelope is the other SOAP version; otherwise null.</summary>
    public SoapVersion? Expected { get; }
}
