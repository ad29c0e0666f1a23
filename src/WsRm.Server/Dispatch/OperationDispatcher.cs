using System.ServiceModel;
using System.Xml;
using WsRm.Protocol.Contracts;

namespace WsRm.Server.Dispatch;

/// <summary>
/// Calls one operation: reads the arguments from the request body, invokes the service method and shapes the reply or
/// fault. Everything is prepared at construction; a call costs no reflection. Thread-safe.
/// </summary>
internal sealed class OperationDispatcher
{
    private readonly OperationModel _model;
    private readonly IBodyFormatter _formatter;
    private readonly Func<object, object?[], ValueTask<object?>> _invoke;

    /// <summary>Prepares the serializers and the compiled call; throws InvalidOperationException naming the method.</summary>
    public OperationDispatcher(OperationModel model)
    {
        _model = model;
        try
        {
            _formatter = model.UseXmlSerializer ? new XmlSerializerBodyFormatter(model) : new DataContractBodyFormatter(model);
        }
        catch (InvalidOperationException e)
        {
            throw OperationRules.Invalid(model.Method, e.InnerException?.Message ?? e.Message);
        }

        _invoke = OperationInvoker.Compile(model.Method, model.ReturnKind);
    }

    /// <summary>The operation name (the request wrapper element's local name).</summary>
    public string Name => _model.Name;

    /// <summary>The request action: <c>[OperationContract(Action)]</c> or WCF's <c>{ns}/{contract}/{operation}</c>.</summary>
    public string Action => _model.Action;

    /// <summary>The reply action; null for one-way operations.</summary>
    public string? ReplyAction => _model.ReplyAction;

    /// <summary>True for one-way operations.</summary>
    public bool IsOneWay => _model.IsOneWay;

    /// <summary>
    /// Runs the operation on <paramref name="instance"/>. <paramref name="body"/> is on the first child of soap:Body
    /// (or on the Body end element for an empty body); it is read synchronously, so the caller should have buffered
    /// the request, and is left on the next content node after the wrapper element, normally the Body end element (its
    /// position is unspecified after a deserialization fault).
    /// Service and deserialization errors come back as <see cref="OperationResult.Fault(WsRm.Protocol.Faults.SoapFault)"/>;
    /// an OperationCanceledException propagates when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async ValueTask<OperationResult> InvokeAsync(object instance, XmlReader body, bool includeExceptionDetail,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(body);
        if (!_model.Method.DeclaringType!.IsInstanceOfType(instance))
        {
            throw new ArgumentException($"The instance does not implement {_model.Method.DeclaringType.FullName}.", nameof(instance));
        }

        cancellationToken.ThrowIfCancellationRequested();
        object?[] arguments;
        try
        {
            arguments = _formatter.ReadRequest(body);
        }
        catch (Exception e)
        {
            return OperationResult.Fault(DispatchFaults.DeserializationFailed(Name, e, includeExceptionDetail), e);
        }

        object? result;
        try
        {
            result = await _invoke(instance, arguments).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (FaultException e)
        {
            return OperationResult.Fault(DispatchFaults.FromFaultException(e, _model.Faults));
        }
        catch (Exception e)
        {
            return OperationResult.ServiceFailure(DispatchFaults.InternalError(e, includeExceptionDetail), e);
        }

        if (_model.IsOneWay) return OperationResult.OneWay;
        return OperationResult.Reply(_model.ReplyAction!, writer => _formatter.WriteReply(writer, result));
    }
}
