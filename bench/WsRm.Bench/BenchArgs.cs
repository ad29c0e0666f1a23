namespace WsRm.Bench;

/// <summary>Options of the echo load command.</summary>
internal sealed record BenchArgs(int Calls, int Warmup, int Rounds)
{
    public static BenchArgs Parse(string[] args)
    {
        int calls = 3000, warmup = 300, rounds = 7;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1]);
            switch (args[i])
            {
                case "--calls": calls = value; break;
                case "--warmup": warmup = value; break;
                case "--rounds": rounds = value; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (calls is < 1 or > 1_000_000) throw new ArgumentException("--calls must be 1..1000000");
        return new BenchArgs(calls, warmup, Math.Clamp(rounds, 1, 20));
    }
}
