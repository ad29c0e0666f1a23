using System.Reflection;
using System.ServiceModel;

namespace WsRm.Protocol.Contracts;

/// <summary>Reads <c>[ServiceKnownType]</c>, in both its forms: a type, or a static method that lists types.</summary>
internal static class KnownTypes
{
    /// <summary>The known types <paramref name="provider"/> (an interface or a method) declares.</summary>
    public static IEnumerable<Type> Of(MemberInfo provider)
    {
        foreach (ServiceKnownTypeAttribute attribute in provider.GetCustomAttributes<ServiceKnownTypeAttribute>(false))
        {
            if (attribute.Type is not null)
            {
                yield return attribute.Type;
                continue;
            }

            Type owner = attribute.DeclaringType ?? provider as Type ?? provider.DeclaringType!;
            MethodInfo? method = owner.GetMethod(attribute.MethodName ?? string.Empty,
                BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ICustomAttributeProvider)]);
            if (method is null || !typeof(IEnumerable<Type>).IsAssignableFrom(method.ReturnType))
            {
                throw new InvalidOperationException(
                    $"[ServiceKnownType] on {Describe(provider)} names '{attribute.MethodName}', which must be a static " +
                    $"method of {owner.FullName} taking ICustomAttributeProvider and returning IEnumerable<Type>.");
            }

            foreach (Type type in (IEnumerable<Type>?)method.Invoke(null, [provider]) ?? []) yield return type;
        }
    }

    private static string Describe(MemberInfo member)
        => member is Type type ? type.FullName ?? type.Name : $"{member.DeclaringType?.FullName}.{member.Name}";
}
