namespace WsRm.Server.Tests.Harness;

/// <summary>
/// A mustUnderstand attribute that is not an xs:boolean ("yes", "2", "") is the sender's error: a Sender (SOAP 1.1:
/// Client) fault naming the header, the message not processed; never read as false (an unknown header silently
/// ignored) nor as true.
/// </summary>
public sealed class MustUnderstandValueTests
{
    public static TheoryData<SoapSpec, string> Values => new()
    {
        { SoapSpec.Soap11, "yes" }, { SoapSpec.Soap11, "2" }, { SoapSpec.Soap11, "" },
        { SoapSpec.Soap12, "yes" }, { SoapSpec.Soap12, "2" }, { SoapSpec.Soap12, "" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task On_an_unknown_header_of_a_plain_post_it_is_a_Sender_fault_and_the_post_is_not_run(SoapSpec soap, string value)
    {
        await using var host = new EchoHost();
        var text = $"mu-{Guid.NewGuid():N}";
        var request = new Envelope(new Wire(RmSpec.Rm11, soap)).WithAction(Ns.PostAction).WithMessageId()
            .WithTo(host.Wire.Url("/plain/echo"))
            .WithHeader($"<t:Secret xmlns:t=\"urn:test:unknown\" s:mustUnderstand=\"{value}\">42</t:Secret>")
            .WithBody($"<Post xmlns=\"{Ns.Samples}\"><text>{text}</text></Post>");

        var response = await host.Wire.SendAsync("/plain/echo", request);

        var fault = FaultAssert.SoapFault(response, soap, "Sender", "Client");
        Assert.Contains("mustUnderstand", fault.Reason, StringComparison.Ordinal);
        Assert.Contains("'urn:test:unknown:Secret'", fault.Reason, StringComparison.Ordinal);
        Assert.Contains($"not '{value}'", fault.Reason, StringComparison.Ordinal);
        Assert.Empty(await host.Wire.ReceivedAsync(text));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task On_a_known_header_in_a_sequence_it_is_a_Sender_fault_and_the_message_is_not_acknowledged(SoapSpec soap, string value)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, soap));
        var xml = Messages.Echo(session.Wire, session.To, session.Id, 1, "x").Build()
            .Replace("<a:To s:mustUnderstand=\"1\">", $"<a:To s:mustUnderstand=\"{value}\">", StringComparison.Ordinal);

        var response = await host.Wire.SendAsync("/echo", soap, xml, Ns.EchoAction);

        var fault = FaultAssert.SoapFault(response, soap, "Sender", "Client");
        Assert.Contains($"'{Ns.Wsa10}:To'", fault.Reason, StringComparison.Ordinal);
        Assert.Empty((await session.AckRequestedAsync()).AckFor(session.Id).Ranges);
        await session.EchoOkAsync(1, "after a bad mustUnderstand");
    }
}
