using System.Text;
using System.Xml;
using WsRm.Protocol.Contracts;
using WsRm.Server.Tests.Dispatch.Samples;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>
/// The client direction of the body formatters (WriteRequest, ReadReply) against the server direction (ReadRequest,
/// WriteReply) of the same operation: what one side writes, the other reads back unchanged.
/// </summary>
public sealed class ClientDirectionTests
{
    private const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";

    [Fact]
    public void Data_contract_request_and_reply_round_trip()
    {
        IBodyFormatter formatter = Formatter<ISampleService>(nameof(ISampleService.Place));
        var order = new Order { Item = "tea", Quantity = 3 };

        object?[] read = ReadBack(w => formatter.WriteRequest(w, [order]), formatter.ReadRequest);
        var received = Assert.IsType<Order>(Assert.Single(read));
        Assert.Equal(("tea", 3), (received.Item, received.Quantity));

        var reply = Assert.IsType<Order>(ReadBack(w => formatter.WriteReply(w, received), formatter.ReadReply));
        Assert.Equal(("tea", 3), (reply.Item, reply.Quantity));
    }

    [Fact]
    public void Renamed_parts_nulls_and_arrays_round_trip()
    {
        IBodyFormatter add = Formatter<ISampleService>(nameof(ISampleService.Add));
        Assert.Equal([2, 5], ReadBack(w => add.WriteRequest(w, [2, 5]), add.ReadRequest));
        Assert.Equal(7, ReadBack(w => add.WriteReply(w, 7), add.ReadReply));

        IBodyFormatter echo = Formatter<ISampleService>(nameof(ISampleService.Echo));
        Assert.Equal([null], ReadBack(w => echo.WriteRequest(w, [null]), echo.ReadRequest));
        Assert.Null(ReadBack(w => echo.WriteReply(w, null), echo.ReadReply));

        IBodyFormatter received = Formatter<ISampleService>(nameof(ISampleService.Received));
        Assert.Equal(new[] { "a", "b" }, ReadBack(w => received.WriteReply(w, new[] { "a", "b" }), received.ReadReply));
    }

    [Fact]
    public void A_void_reply_reads_as_null_and_an_empty_body_as_defaults()
    {
        IBodyFormatter ping = Formatter<ISampleService>("PingAsync");
        Assert.Null(ReadBack(w => ping.WriteReply(w, null), ping.ReadReply));
        Assert.Null(ReadBack(_ => { }, ping.ReadReply));
    }

    [Fact]
    public void A_reply_with_the_wrong_wrapper_is_a_format_error()
    {
        IBodyFormatter add = Formatter<ISampleService>(nameof(ISampleService.Add));
        Assert.Throws<BodyFormatException>(() => ReadBack(w => w.WriteElementString("Other", "urn:x", "1"), add.ReadReply));
    }

    [Fact]
    public void XmlSerializer_request_and_reply_round_trip_on_a_fresh_fragment_writer()
    {
        IBodyFormatter total = Formatter<IInvoiceService>(nameof(IInvoiceService.Total));
        var invoice = new Invoice { Id = "INV-9" };

        object?[] read = ReadBack(w => total.WriteRequest(w, [invoice, "rush"]), total.ReadRequest, fragment: true);
        Assert.Equal("INV-9", Assert.IsType<Invoice>(read[0]).Id);
        Assert.Equal("rush", read[1]);

        var reply = Assert.IsType<Invoice>(ReadBack(w => total.WriteReply(w, invoice), total.ReadReply));
        Assert.Equal("INV-9", reply.Id);
    }

    private static IBodyFormatter Formatter<TContract>(string method)
    {
        ContractInfo contract = ContractResolver.ResolveContract(typeof(TContract));
        OperationModel model = OperationModelBuilder.TryBuild(typeof(TContract).GetMethod(method)!, contract)!;
        return model.UseXmlSerializer ? new XmlSerializerBodyFormatter(model) : new DataContractBodyFormatter(model);
    }

    // Writes a body as the client does (into a fragment, when asked) and reads it as the other side does: a reader on
    // the first child of soap:Body.
    private static T ReadBack<T>(Action<XmlWriter> write, Func<XmlReader, T> read, bool fragment = false)
    {
        var body = new StringBuilder();
        using (var writer = XmlWriter.Create(body, new XmlWriterSettings
        {
            ConformanceLevel = fragment ? ConformanceLevel.Fragment : ConformanceLevel.Auto, OmitXmlDeclaration = true,
        }))
        {
            if (!fragment)
            {
                writer.WriteStartElement("s", "Body", Soap12);
            }

            write(writer);
            if (!fragment) writer.WriteEndElement();
        }

        string inner = fragment ? body.ToString() : StripBody(body.ToString());
        string envelope = $"<s:Envelope xmlns:s=\"{Soap12}\"><s:Body>{inner}</s:Body></s:Envelope>";
        using XmlReader reader = XmlReader.Create(new StringReader(envelope));
        reader.ReadToFollowing("Body", Soap12);
        if (!reader.IsEmptyElement) reader.Read();
        reader.MoveToContent();
        return read(reader);
    }

    private static string StripBody(string xml)
    {
        int start = xml.IndexOf('>') + 1;
        int end = xml.LastIndexOf("</s:Body>", StringComparison.Ordinal);
        return end < 0 ? "" : xml[start..end];
    }
}
