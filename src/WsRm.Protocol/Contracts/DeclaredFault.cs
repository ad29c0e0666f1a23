using System.Linq.Expressions;
using System.Runtime.Serialization;
using System.ServiceModel;

namespace WsRm.Protocol.Contracts;

/// <summary>
/// One <c>[FaultContract(typeof(T))]</c> of an operation: the action and detail element the WCF client matches to raise
/// <see cref="FaultException{TDetail}"/>, with the serializer built once.
/// </summary>
internal sealed class DeclaredFault
{
    private readonly Func<FaultException, object?> _getDetail;

    private DeclaredFault(Type detailType, string name, string action, DataContractSerializer serializer)
    {
        DetailType = detailType;
        Name = name;
        ExceptionType = typeof(FaultException<>).MakeGenericType(detailType);
        Action = action;
        Serializer = serializer;

        // (FaultException e) => (object)((FaultException<T>)e).Detail, compiled so a fault costs no reflection.
        ParameterExpression exception = Expression.Parameter(typeof(FaultException), "e");
        Expression detail = Expression.Property(Expression.Convert(exception, ExceptionType), "Detail");
        _getDetail = Expression.Lambda<Func<FaultException, object?>>(
            Expression.Convert(detail, typeof(object)), exception).Compile();
    }

    /// <summary>T.</summary>
    public Type DetailType { get; }

    /// <summary><c>FaultException&lt;T&gt;</c>.</summary>
    public Type ExceptionType { get; }

    /// <summary>The fault's name in the WSDL (wsdl:fault/@name): <c>[FaultContract(Name)]</c> or <c>{T}Fault</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The detail element's name and namespace when <c>[FaultContract(Name)]</c> sets them; null when the detail root
    /// is T's own data contract name (the global element its schema declares).
    /// </summary>
    public (string Name, string Namespace)? DetailElement { get; private init; }

    /// <summary>The fault message's action.</summary>
    public string Action { get; }

    /// <summary>Writes the detail element.</summary>
    public DataContractSerializer Serializer { get; }

    /// <summary>Reads <c>Detail</c> from a <c>FaultException&lt;T&gt;</c>.</summary>
    public object? GetDetail(FaultException exception) => _getDetail(exception);

    /// <summary>
    /// Applies WCF's defaults: action <c>{ns}/{contract}/{operation}{T}Fault</c> (or <c>{operation}{Name}</c> when the
    /// attribute names the fault); the detail root is T's data contract name unless the attribute sets Name, then
    /// Name in the attribute's namespace or the contract's.
    /// </summary>
    public static DeclaredFault Create(FaultContractAttribute attribute, ContractInfo declaring, string operationName,
        IReadOnlyList<Type> knownTypes)
    {
        string faultName = attribute.Name ?? WcfNaming.TypeName(attribute.DetailType) + "Fault";
        string action = attribute.Action
            ?? WcfNaming.DefaultAction(declaring.Namespace, declaring.Name, operationName + faultName);
        DataContractSerializer serializer = attribute.Name is null
            ? new DataContractSerializer(attribute.DetailType, knownTypes)
            : new DataContractSerializer(attribute.DetailType, WcfNaming.Encode(attribute.Name),
                attribute.Namespace ?? declaring.Namespace, knownTypes);
        return new DeclaredFault(attribute.DetailType, WcfNaming.Encode(faultName), action, serializer)
        {
            DetailElement = attribute.Name is null ? null : (WcfNaming.Encode(attribute.Name), attribute.Namespace ?? declaring.Namespace),
        };
    }
}
