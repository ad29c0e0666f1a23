using Microsoft.Extensions.Configuration;
using WsRm.Configuration;

namespace WsRm.Server.Tests.Configuration;

/// <summary>The strict binder under every options type: what it names, what it skips, and that it binds the rest.</summary>
public sealed class StrictConfigurationBinderTests
{
    private sealed class Outer
    {
        public int Count { get; set; }
        public Inner Nested { get; set; } = new();
        public Type? Kind { get; set; }
    }

    private sealed class Inner
    {
        public TimeSpan Delay { get; set; }
    }

    private static IConfigurationSection Section(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build().GetSection("App");

    [Fact]
    public void Binds_scalars_and_nested_objects()
    {
        var outer = new Outer();

        StrictConfigurationBinder.Bind(Section(("App:Count", "3"), ("App:Nested:Delay", "00:00:02")), outer);

        Assert.Equal(3, outer.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), outer.Nested.Delay);
    }

    [Fact]
    public void Names_every_unknown_key_by_its_full_path_nested_ones_too()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            StrictConfigurationBinder.Bind(Section(("App:Cuont", "3"), ("App:Nested:Dleay", "00:00:02")), new Outer()));

        Assert.Contains("Configuration key 'App:Cuont' is not a setting of Outer; its settings are Count, Kind, Nested.", e.Message, StringComparison.Ordinal);
        Assert.Contains("Configuration key 'App:Nested:Dleay' is not a setting of Inner; its settings are Delay.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skips_subsections_and_still_binds_the_rest_strictly()
    {
        var outer = new Outer();

        StrictConfigurationBinder.Bind(Section(("App:Count", "4"), ("App:Elsewhere:Anything", "x")), outer, subsections: ["Elsewhere"]);

        Assert.Equal(4, outer.Count);
    }

    [Fact]
    public void A_code_only_setting_is_refused_naming_the_key()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            StrictConfigurationBinder.Bind(Section(("App:Kind", "System.String")), new Outer(), codeOnly: ["Kind"]));

        Assert.Equal("Configuration key 'App:Kind' cannot be set from configuration: Outer.Kind is set in code only.", e.Message);
    }

    [Fact]
    public void A_value_that_does_not_convert_is_named_by_the_binder_with_the_full_key()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            StrictConfigurationBinder.Bind(Section(("App:Nested:Delay", "soon")), new Outer()));

        Assert.Contains("'App:Nested:Delay'", e.Message, StringComparison.Ordinal);
    }
}
