namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// The calls of one crash run on the sample contract: call i carries a text unique to the run (a fresh prefix, then
/// the number); every <c>requestEvery</c>-th call is request-reply, the others one-way posts.
/// </summary>
public sealed class EchoPlan(int calls, int requestEvery)
{
    /// <summary>The prefix of every text of this run ("crash-1a2b3c4d-").</summary>
    public string Prefix { get; } = $"crash-{Guid.NewGuid():N}"[..14] + "-";

    /// <summary>How many calls.</summary>
    public int Calls => calls;

    /// <summary>Whether call <paramref name="index"/> is request-reply.</summary>
    public bool IsRequest(int index) => index % requestEvery == requestEvery - 1;

    /// <summary>The text of call <paramref name="index"/>: "{prefix}p00012" for a post, "{prefix}r00014" for a request.</summary>
    public string Text(int index) => $"{Prefix}{(IsRequest(index) ? 'r' : 'p')}{index:D5}";

    /// <summary>The indices of the one-way posts.</summary>
    public IEnumerable<int> Posts => Enumerable.Range(0, calls).Where(i => !IsRequest(i));

    /// <summary>The indices of the request-reply calls.</summary>
    public IEnumerable<int> Requests => Enumerable.Range(0, calls).Where(IsRequest);

    /// <summary>
    /// <paramref name="kills"/> kill points from <paramref name="seed"/>, as numbers of completed calls, in order: one
    /// in each of as many equal slices of the middle 70% of the stream.
    /// </summary>
    public int[] KillPoints(int seed, int kills = 1)
    {
        var random = new Random(seed);
        var first = calls * 15 / 100;
        var slice = calls * 70 / 100 / kills;
        return [.. Enumerable.Range(0, kills).Select(k => first + k * slice + random.Next(slice))];
    }
}
