using System.Globalization;

namespace WsRm.Bench.DurableLoad;

/// <summary>Options of the <c>durable</c> command.</summary>
internal sealed record DurableArgs(int Messages, int Rounds, int[] Sessions, int Callers, string? PostgreSql, bool Wcf, string? Only, int Warmup)
{
    public static DurableArgs Parse(string[] args)
    {
        int messages = 20_000, rounds = 5, callers = 8, warmup = 1;
        int[] sessions = [1, 16];
        string? postgres = Environment.GetEnvironmentVariable("WSRM_BENCH_POSTGRES");
        var wcf = true;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--messages": messages = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--callers": callers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sessions": sessions = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
                case "--postgres": postgres = Next(); break;
                case "--no-wcf": wcf = false; break;
                case "--only": only = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return new DurableArgs(messages, Math.Clamp(rounds, 1, 20), sessions, Math.Clamp(callers, 1, 64), postgres, wcf, only, Math.Clamp(warmup, 0, 10));
    }
}
