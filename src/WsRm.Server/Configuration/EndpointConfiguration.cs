using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using WsRm.Configuration;

namespace WsRm.Server.Configuration;

/// <summary>
/// The per-endpoint sections of the server's configuration (<c>{server section}:Endpoints:{route pattern}</c>), and the
/// patterns mapped so far, so that a section naming no mapped endpoint (a misspelt pattern) stops startup.
/// </summary>
internal sealed class EndpointConfiguration(IEnumerable<OptionsConfiguration<WsRmServerOptions>> sources)
{
    private readonly ConcurrentDictionary<string, byte> _mapped = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>Endpoints</c> sections, one per binding of the server's options to configuration.</summary>
    public IEnumerable<IConfiguration> Sections => sources.Select(s => s.Section.GetSection("Endpoints"));

    /// <summary>Records <paramref name="pattern"/> as mapped and returns its sections, in binding order (usually one or none).</summary>
    public IReadOnlyList<IConfiguration> For(string pattern)
    {
        _mapped.TryAdd(pattern, 0);
        return [.. Sections.Select(s => s.GetChildren().FirstOrDefault(c => string.Equals(c.Key, pattern, StringComparison.OrdinalIgnoreCase)))
            .OfType<IConfiguration>()];
    }

    /// <summary>The paths of endpoint sections whose pattern no <c>Map…</c> call used.</summary>
    public IReadOnlyList<string> Unmapped() =>
        [.. Sections.SelectMany(s => s.GetChildren()).Where(c => !_mapped.ContainsKey(c.Key)).Select(c => c.Path)];

    /// <summary>The patterns mapped so far.</summary>
    public IReadOnlyCollection<string> Mapped => [.. _mapped.Keys.Order(StringComparer.Ordinal)];
}
