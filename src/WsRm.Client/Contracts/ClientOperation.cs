using System.ServiceModel;
using System.Xml;
using WsRm.Protocol.Contracts;

namespace WsRm.Client;

/// <summary>One contract method as a proxy calls it: the wire description, the body formatter, the return adapter.</summary>
internal sealed class ClientOperation
{
    private readonly Func<Task<object?>, object>? _adapt;
    private readonly object? _default;

    public ClientOperation(OperationModel model, IBodyFormatter formatter)
    {
        Model = model;
        Formatter = formatter;
        Type? resultType = model.ReturnPart?.Type;
        _adapt = model.ReturnKind switch
        {
            ReturnKind.TaskOfT => ResultAdapters.ForTask(resultType ?? model.Method.ReturnType.GenericTypeArguments[0]),
            ReturnKind.ValueTaskOfT => ResultAdapters.ForValueTask(resultType ?? model.Method.ReturnType.GenericTypeArguments[0]),
            _ => null,
        };
        _default = model.ReturnKind == ReturnKind.Value ? ResultAdapters.DefaultOf(model.Method.ReturnType) : null;
    }

    public OperationModel Model { get; }

    public IBodyFormatter Formatter { get; }

    /// <summary>Sends the call on <paramref name="session"/> and returns the reply's result (null for one-way and void).</summary>
    public async Task<object?> InvokeAsync(WsRmSession session, object?[] arguments)
    {
        void WriteBody(XmlWriter writer) => Formatter.WriteRequest(writer, arguments);
        if (Model.IsOneWay)
        {
            await session.SendAsync(Model.Action, WriteBody).ConfigureAwait(false);
            return null;
        }

        WsRmReply reply;
        try
        {
            reply = await session.RequestAsync(Model.Action, WriteBody).ConfigureAwait(false);
        }
        catch (SoapFaultException fault)
        {
            // As WCF's proxy does (ServiceChannel): the service's session ended with this fault, so this one ends too
            // and later calls fail fast with CommunicationObjectFaultedException instead of UnknownSequence.
            if (fault.IsInternalServiceFault) session.Abort();
            throw FaultMapper.ToFaultException(fault, Model.Faults);
        }

        using XmlReader body = reply.CreateBodyReader();
        try
        {
            return Formatter.ReadReply(body);
        }
        catch (Exception e) when (e is BodyFormatException or XmlException)
        {
            throw new ProtocolException(
                $"The reply to '{Model.Action}' (action '{reply.Action}') could not be read as {Model.ReplyWrapperName}: {e.Message}", e);
        }
    }

    /// <summary>Hands <paramref name="call"/> back in the method's own return shape, blocking for synchronous methods.</summary>
    public object? Return(Task<object?> call)
    {
        switch (Model.ReturnKind)
        {
            case ReturnKind.Void:
                Wait(call);
                return null;
            case ReturnKind.Value: return Wait(call) ?? _default;
            case ReturnKind.Task: return call;
            case ReturnKind.ValueTask: return new ValueTask(call);
            default: return _adapt!(call);
        }
    }

    private static object? Wait(Task<object?> call) => call.GetAwaiter().GetResult();
}
