using System.Xml;
using WsRm.Protocol.Contracts;
using WsRm.Server.Tests.Dispatch.Samples;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>
/// Wrapped bodies as other stacks write them: indented (gSOAP), with comments, processing instructions and white space
/// in CDATA between the wrapper's children. Text that is not white space is still not a part.
/// </summary>
public sealed class BodyWhiteSpaceTests
{
    private const string Ns = SampleService.Namespace;

    [Theory]
    [InlineData("\n\t\t")]
    [InlineData("<![CDATA[ \n\t]]>")]
    [InlineData("<!-- gsoap --><?pi x?>")]
    public void DataContract_request_and_reply_read_past_white_space_between_parts(string filler)
    {
        IBodyFormatter add = Formatter(nameof(ISampleService.Add));

        Assert.Equal([2, 5], add.ReadRequest(BodyReader($"{filler}<Add xmlns=\"{Ns}\">{filler}<first>2</first>{filler}<second>5</second>{filler}</Add>{filler}")));
        Assert.Equal(7, add.ReadReply(BodyReader($"{filler}<AddResponse xmlns=\"{Ns}\">{filler}<AddResult>7</AddResult>{filler}</AddResponse>")));
    }

    [Fact]
    public void DataContract_request_with_text_between_parts_is_not_read_as_parts()
    {
        IBodyFormatter add = Formatter(nameof(ISampleService.Add));

        Assert.ThrowsAny<XmlException>(() => add.ReadRequest(BodyReader($"<Add xmlns=\"{Ns}\"><first>2</first>junk<second>5</second></Add>")));
    }

    private static IBodyFormatter Formatter(string method)
    {
        ContractInfo contract = ContractResolver.ResolveContract(typeof(ISampleService));
        OperationModel model = OperationModelBuilder.TryBuild(typeof(ISampleService).GetMethod(method)!, contract)!;
        return new DataContractBodyFormatter(model);
    }

    // A reader inside soap:Body, before its content, as SoapMessage.CreateBodyReader leaves it.
    private static XmlReader BodyReader(string content)
    {
        var reader = XmlReader.Create(new StringReader($"<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>{content}</s:Body></s:Envelope>"),
            new XmlReaderSettings { IgnoreWhitespace = true, IgnoreComments = true, IgnoreProcessingInstructions = true });
        reader.ReadToFollowing("Body", "http://www.w3.org/2003/05/soap-envelope");
        reader.Read();
        return reader;
    }
}
