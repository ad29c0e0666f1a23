using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sources;

namespace WsRm.Protocol.Tests.Sources;

public class SourceSequenceSettingsTests
{
    [Fact]
    public void Defaults_AreDocumentedValuesAndValid()
    {
        var s = new SourceSequenceSettings();

        s.Validate();
        Assert.Equal((32, 8, 8, 128), (s.TransferWindow, s.MaxRetryCount, s.MaxRetransmissionBurst, s.MaxAcknowledgementRanges));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(1)),
            (s.InitialRetransmissionTimeout, s.MinRetransmissionTimeout, s.MaxRetransmissionTimeout, s.ClockGranularity));
        Assert.Equal((ulong)long.MaxValue, s.MaxMessageNumber);
        Assert.Equal(TimeSpan.FromMilliseconds(100), s.TransportRetryDelay);
    }

    public static TheoryData<SourceSequenceSettings, string> Invalid => new()
    {
        { new() { TransferWindow = 0 }, nameof(SourceSequenceSettings.TransferWindow) },
        { new() { TransferWindow = 4097 }, nameof(SourceSequenceSettings.TransferWindow) },
        { new() { MaxRetryCount = 0 }, nameof(SourceSequenceSettings.MaxRetryCount) },
        { new() { MinRetransmissionTimeout = TimeSpan.Zero }, nameof(SourceSequenceSettings.MinRetransmissionTimeout) },
        { new() { MaxRetransmissionTimeout = TimeSpan.FromMilliseconds(10) }, nameof(SourceSequenceSettings.MaxRetransmissionTimeout) },
        { new() { MaxRetransmissionTimeout = TimeSpan.FromDays(2) }, nameof(SourceSequenceSettings.MaxRetransmissionTimeout) },
        { new() { InitialRetransmissionTimeout = TimeSpan.FromMilliseconds(10) }, nameof(SourceSequenceSettings.InitialRetransmissionTimeout) },
        { new() { InitialRetransmissionTimeout = TimeSpan.FromMinutes(2) }, nameof(SourceSequenceSettings.InitialRetransmissionTimeout) },
        { new() { ClockGranularity = TimeSpan.FromTicks(-1) }, nameof(SourceSequenceSettings.ClockGranularity) },
        { new() { TransportRetryDelay = TimeSpan.Zero }, nameof(SourceSequenceSettings.TransportRetryDelay) },
        { new() { TransportRetryDelay = TimeSpan.FromMinutes(2) }, nameof(SourceSequenceSettings.TransportRetryDelay) },
        { new() { MaxRetransmissionBurst = 0 }, nameof(SourceSequenceSettings.MaxRetransmissionBurst) },
        { new() { MaxMessageNumber = 0 }, nameof(SourceSequenceSettings.MaxMessageNumber) },
        { new() { MaxMessageNumber = (ulong)long.MaxValue + 1 }, nameof(SourceSequenceSettings.MaxMessageNumber) },
        { new() { MaxAcknowledgementRanges = 0 }, nameof(SourceSequenceSettings.MaxAcknowledgementRanges) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_NamesTheBadSetting(SourceSequenceSettings settings, string name)
    {
        var e = Assert.ThrowsAny<ArgumentException>(settings.Validate);

        Assert.Equal(name, e.ParamName);
        Assert.Contains("SourceSequenceSettings." + name, e.Message);
    }

    [Fact]
    public void Constructors_Validate()
    {
        var bad = new SourceSequenceSettings { TransferWindow = 0 };

        Assert.ThrowsAny<ArgumentException>(() => new SourceSequence(RmVersion.Rm11, bad, SourceTestKit.T0));
        Assert.ThrowsAny<ArgumentException>(() => new InboundReplySequence("urn:r", RmVersion.Rm11, bad, SourceTestKit.T0));
    }

    [Fact]
    public void Records_CompareByValue()
    {
        Assert.Equal(new SourceSequenceSettings { TransferWindow = 5 }, new SourceSequenceSettings { TransferWindow = 5 });
        Assert.NotEqual(new SourceSequenceSettings(), new SourceSequenceSettings { MaxRetryCount = 3 });
    }
}
