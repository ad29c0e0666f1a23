using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using WsRm.Server.Tests.Hosting;

namespace WsRm.Server.Tests.Configuration;

/// <summary>A <see cref="TestApp"/> whose configuration holds exactly the given keys (as appsettings.json would), and what a failed start threw.</summary>
internal static class ConfigApp
{
    public static WebApplication Build(IEnumerable<(string Key, string Value)> settings, Action<WebApplicationBuilder> configure,
        Action<WebApplication>? map = null) =>
        TestApp.Build(b =>
        {
            b.Configuration.Sources.Clear();
            b.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
            configure(b);
        }, map);

    /// <summary>The exception and its inner exceptions, aggregates opened.</summary>
    public static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException a)
                foreach (var inner in a.InnerExceptions.SelectMany(Flatten)) yield return inner;
        }
    }

    /// <summary>Asserts that one of <paramref name="e"/>'s exceptions has a message containing <paramref name="text"/>; returns that message.</summary>
    public static string AssertMentions(Exception e, string text)
    {
        var hit = Flatten(e).FirstOrDefault(x => x.Message.Contains(text, StringComparison.Ordinal));
        Assert.True(hit is not null, $"Expected a message naming '{text}', got:\n{e}");
        return hit.Message;
    }
}
