using WsRm.Protocol.Contracts;
using WsRm.Server.Dispatch;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>WCF's naming rules for defaults.</summary>
public sealed class WcfNamingTests
{
    [Theory]
    [InlineData("http://tempuri.org/", "IEcho", "Echo", "http://tempuri.org/IEcho/Echo")]
    [InlineData("urn:wsrm:samples", "IEcho", "Echo", "urn:wsrm:samples/IEcho/Echo")]
    [InlineData("", "IEcho", "Echo", "urn:IEcho/Echo")]
    [InlineData("http://x/", "C", "/Op", "http://x/C/Op")]
    [InlineData("http://x/", "C", "urn:absolute:op", "urn:absolute:op")]
    public void DefaultAction_FollowsWcf(string ns, string contract, string name, string expected)
        => Assert.Equal(expected, WcfNaming.DefaultAction(ns, contract, name));

    [Theory]
    [InlineData(typeof(string), "String")]
    [InlineData(typeof(int[]), "ArrayOfInt32")]
    [InlineData(typeof(List<string>), "ListOf_String")]
    [InlineData(typeof(Dictionary<string, int[]>), "DictionaryOf_String_ArrayOfInt32")]
    public void TypeName_FollowsWcf(Type type, string expected) => Assert.Equal(expected, WcfNaming.TypeName(type));
}
