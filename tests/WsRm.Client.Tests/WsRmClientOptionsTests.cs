namespace WsRm.Client.Tests;

public sealed class WsRmClientOptionsTests
{
    [Fact]
    public void Defaults_follow_WCF_and_validate_once_an_address_is_set()
    {
        var options = new WsRmClientOptions { Address = new Uri("http://service/echo") };
        Assert.Equal(WsRmVersion.Rm11, options.Version);
        Assert.Equal(WsRmSoapVersion.Soap12, options.Soap);
        Assert.Equal(32, options.MaxTransferWindowSize);
        Assert.Equal(8, options.MaxRetryCount);
        Assert.Equal(TimeSpan.FromSeconds(1), options.InitialRetransmissionTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), options.InactivityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.OperationTimeout);
        Assert.True(options.Ordered);
        options.Validate();
        Assert.Equal(options.Address, options.EffectiveVia);
    }

    [Fact]
    public void Via_is_the_physical_address_when_set()
    {
        var options = new WsRmClientOptions { Address = new Uri("http://logical/echo"), Via = new Uri("http://127.0.0.1:1/echo") };
        options.Validate();
        Assert.Equal(options.Via, options.EffectiveVia);
    }

    [Theory]
    [InlineData("address")]
    [InlineData("window")]
    [InlineData("retries")]
    [InlineData("rto")]
    [InlineData("operation")]
    public void Invalid_settings_are_named(string which)
    {
        var options = new WsRmClientOptions { Address = new Uri("http://service/echo") };
        switch (which)
        {
            case "address": options.Address = null; break;
            case "window": options.MaxTransferWindowSize = 0; break;
            case "retries": options.MaxRetryCount = 0; break;
            case "rto": options.InitialRetransmissionTimeout = TimeSpan.Zero; break;
            case "operation": options.OperationTimeout = TimeSpan.Zero; break;
        }
        Assert.ThrowsAny<ArgumentException>(options.Validate);
    }
}
