using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Tests.Xml;

public class XmlValuesTests
{
    [Theory]
    [InlineData("1", 1UL)]
    [InlineData(" 42\n", 42UL)]
    [InlineData("0", 0UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("007", 7UL)]
    public void ParseMessageNumber_Valid(string text, ulong expected)
    {
        Assert.Equal(expected, XmlValues.ParseMessageNumber(text, "wsrm:MessageNumber"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("1 2")]
    [InlineData("1,000")]
    [InlineData("18446744073709551616")]
    [InlineData("")]
    [InlineData("١")]
    public void ParseMessageNumber_Invalid_NamesTheElementAndValue(string text)
    {
        var e = Assert.Throws<SoapParseException>(() => XmlValues.ParseMessageNumber(text, "wsrm:Nack"));

        Assert.Equal($"wsrm:Nack must be an unsigned integer, not '{text}'.", e.Message);
    }

    [Fact]
    public void ParseMessageNumber_LongGarbage_IsShortenedInTheMessage()
    {
        var e = Assert.Throws<SoapParseException>(() => XmlValues.ParseMessageNumber(new string('9', 30) + new string('x', 100), "wsrm:MessageNumber"));

        Assert.Equal($"wsrm:MessageNumber must be an unsigned integer, not '{new string('9', 30)}{new string('x', 34)}…'.", e.Message);
    }

    [Theory]
    [InlineData("PT1H", 3600.0)]
    [InlineData(" P1DT2M ", 86520.0)]
    [InlineData("PT0.5S", 0.5)]
    public void ParseDuration_Valid(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), XmlValues.ParseDuration(text, "wsrm:Expires"));
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("")]
    [InlineData("  ")]
    public void ParseDuration_ZeroOrEmpty_IsNull(string text)
    {
        Assert.Null(XmlValues.ParseDuration(text, "wsrm:Expires"));
    }

    [Theory]
    [InlineData("P0D")]
    [InlineData("PT0M")]
    [InlineData("PT0.0S")]
    [InlineData("P0Y0M0DT0H0M0S")]
    public void ParseDuration_ZeroSpelledOtherwise_IsAlsoNull(string text)
    {
        // WS-RM 1.1 §3.4: the duration value zero (xs:duration compares by value, not by spelling) means no expiry.
        Assert.Null(XmlValues.ParseDuration(text, "wsrm:Expires"));
    }

    [Fact]
    public void ParseDuration_LongerThanTimeSpan_IsMaxValue()
    {
        Assert.Equal(TimeSpan.MaxValue, XmlValues.ParseDuration("P100000000D", "wsrm:Expires"));
    }

    [Theory]
    [InlineData("1H")]
    [InlineData("P")]
    [InlineData("soon")]
    public void ParseDuration_Invalid_Throws(string text)
    {
        var e = Assert.Throws<SoapParseException>(() => XmlValues.ParseDuration(text, "wsrm:Expires"));

        Assert.Equal($"wsrm:Expires must be an xs:duration, not '{text}'.", e.Message);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData(" true ", true)]
    [InlineData("\t1\r\n", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData(" false", false)]
    public void ParseBoolean_TheXsBooleanLexicalForms(string text, bool expected)
    {
        Assert.Equal(expected, XmlValues.ParseBoolean(text));
    }

    [Theory]
    [InlineData("TRUE")]
    [InlineData("False")]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("01")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\u00a0true")]
    public void ParseBoolean_AnythingElse_IsNeitherTrueNorFalse(string text)
    {
        Assert.Null(XmlValues.ParseBoolean(text));
    }

    [Fact]
    public void Shorten_KeepsUpTo64Characters()
    {
        var s64 = new string('a', 64);
        Assert.Equal(s64, XmlValues.Shorten(s64));
        Assert.Equal(s64 + "…", XmlValues.Shorten(s64 + "b"));
    }
}
