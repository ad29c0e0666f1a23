using System.Globalization;

namespace WsRm.Storage.Bench;

/// <summary>The benchmark's command line.</summary>
internal sealed record GroupCommitArgs(string Provider, string? Connection, int[] Writers, int Seconds, int Warmup, int MaxGroup, bool RefreshActivity)
{
    public static GroupCommitArgs Parse(string[] args)
    {
        var parsed = new GroupCommitArgs("postgres", Environment.GetEnvironmentVariable("WSRM_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null, [1, 16, 64, 256], 10, 3, 512, false);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--refresh-activity")
            {
                parsed = parsed with { RefreshActivity = true };
                continue;
            }
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            parsed = args[i - 1] switch
            {
                "--provider" => parsed with { Provider = value is "postgres" or "sqlite" ? value : throw new ArgumentException($"Unknown provider {value}.") },
                "--connection" => parsed with { Connection = value },
                "--writers" => parsed with { Writers = [.. value.Split(',').Select(Number)] },
                "--seconds" => parsed with { Seconds = Number(value) },
                "--warmup" => parsed with { Warmup = Number(value) },
                "--max-group" => parsed with { MaxGroup = Number(value) },
                var other => throw new ArgumentException($"Unknown option {other}."),
            };
        }
        return parsed;
    }

    private static int Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{text} is not a positive number.");
}
