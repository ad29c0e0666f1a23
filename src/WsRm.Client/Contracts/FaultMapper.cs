using System.Runtime.Serialization;
using System.ServiceModel;
using System.Xml;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.Soap;

namespace WsRm.Client;

/// <summary>
/// Turns an application fault into the exception a WCF proxy would raise: <see cref="FaultException{TDetail}"/> for a
/// declared <c>[FaultContract]</c> whose detail element matches, <c>FaultException&lt;ExceptionDetail&gt;</c> for a
/// service that includes exception details, otherwise <see cref="FaultException"/> with the code, reason and action.
/// </summary>
internal static class FaultMapper
{
    private static readonly DataContractSerializer ExceptionDetailSerializer = new(typeof(ExceptionDetail));

    public static FaultException ToFaultException(SoapFaultException fault, IReadOnlyList<DeclaredFault> declared)
    {
        var reason = new FaultReason(fault.Reason);
        FaultCode code = ToFaultCode(fault.Code, fault.Subcode);
        if (string.IsNullOrWhiteSpace(fault.DetailXml)) return new FaultException(reason, code, fault.Action);

        try
        {
            foreach (DeclaredFault candidate in declared)
            {
                if (TryRead(fault.DetailXml, candidate.Serializer, out object? detail))
                {
                    return (FaultException)Activator.CreateInstance(candidate.ExceptionType, detail, reason, code, fault.Action)!;
                }
            }

            if (TryRead(fault.DetailXml, ExceptionDetailSerializer, out object? exceptionDetail))
            {
                return new FaultException<ExceptionDetail>((ExceptionDetail)exceptionDetail!, reason, code, fault.Action);
            }
        }
        catch (Exception e) when (e is SerializationException or XmlException)
        {
            // A detail that names a declared fault but does not read as one is reported as an undeclared fault.
        }

        return new FaultException(reason, code, fault.Action);
    }

    private static bool TryRead(string detailXml, DataContractSerializer serializer, out object? detail)
    {
        using var reader = XmlDictionaryReader.CreateDictionaryReader(XmlReader.Create(new StringReader(detailXml), new XmlReaderSettings
        {
            ConformanceLevel = ConformanceLevel.Fragment,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
        }));
        reader.MoveToContent();
        detail = null;
        if (!serializer.IsStartObject(reader)) return false;
        detail = serializer.ReadObject(reader);
        return true;
    }

    // The SOAP 1.1 and 1.2 names of the two standard codes become WCF's sender and receiver codes.
    private static FaultCode ToFaultCode(XmlQualifiedName code, XmlQualifiedName? subcode)
    {
        FaultCode? sub = subcode is null ? null : new FaultCode(subcode.Name, subcode.Namespace);
        bool standard = code.Namespace == SoapVersion.Soap11.Namespace || code.Namespace == SoapVersion.Soap12.Namespace;
        return (standard, code.Name) switch
        {
            (true, "Client" or "Sender") => FaultCode.CreateSenderFaultCode(sub),
            (true, "Server" or "Receiver") => new FaultCode("Receiver", sub),
            _ when code.IsEmpty => new FaultCode("Receiver", sub),
            _ => new FaultCode(code.Name, code.Namespace, sub),
        };
    }
}
