using System.Globalization;
using System.Text.Json;

namespace WsRm.Cli.Output;

/// <summary>How times, ages and states are written in text and JSON.</summary>
internal static class Formats
{
    /// <summary>A UTC time to the second: <c>2026-01-01 12:00:03Z</c>; "-" for none.</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    /// <summary>
    /// How long ago <paramref name="since"/> was, in its two largest units: <c>45s</c>, <c>12m 5s</c>, <c>3h 5m</c>,
    /// <c>2d 4h</c>; "-" for none. A time ahead of <paramref name="now"/> (another machine's clock) is <c>0s</c>.
    /// </summary>
    public static string Age(DateTimeOffset? since, DateTimeOffset now)
    {
        if (since is not { } from) return "-";
        var age = now - from;
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        return age switch
        {
            { TotalDays: >= 1 } => $"{(int)age.TotalDays}d {age.Hours}h",
            { TotalHours: >= 1 } => $"{age.Hours}h {age.Minutes}m",
            { TotalMinutes: >= 1 } => $"{age.Minutes}m {age.Seconds}s",
            _ => $"{age.Seconds}s",
        };
    }

    /// <summary>Whole seconds from <paramref name="since"/> to <paramref name="now"/> (at least 0), or null for none.</summary>
    public static long? AgeSeconds(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } from ? Math.Max(0, (long)(now - from).TotalSeconds) : null;

    /// <summary>An enum value as written in text and JSON: <c>parked</c>, <c>in-progress</c>, <c>dead-letter</c>.</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
