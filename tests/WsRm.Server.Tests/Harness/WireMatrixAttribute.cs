using System.Reflection;
using Xunit.Sdk;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// Theory data: every (RmSpec, SoapSpec) pair, or only the given RM versions × both SOAP versions.
/// <c>[Theory, WireMatrix]</c> gives the four combinations; <c>[WireMatrix(RmSpec.Rm11)]</c> the two 1.1 ones.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WireMatrixAttribute(params RmSpec[] versions) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        RmSpec[] rms = versions.Length == 0 ? [RmSpec.Rm10, RmSpec.Rm11] : versions;
        foreach (var rm in rms)
        {
            yield return [rm, SoapSpec.Soap11];
            yield return [rm, SoapSpec.Soap12];
        }
    }
}
