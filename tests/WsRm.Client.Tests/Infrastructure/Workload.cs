namespace WsRm.Client.Tests.Infrastructure;

/// <summary>The end-to-end check the network tests share: posts and echoes all in flight, exactly once and in order, then a graceful close.</summary>
internal static class Workload
{
    /// <summary>
    /// Starts <paramref name="posts"/> one-way posts with an echo after every fifth, waits for them, checks every echo,
    /// asks the service what it received under <paramref name="prefix"/> (ordered delivery puts that question after
    /// every post, so it must list each post once, in call order), and closes. Returns the application messages sent.
    /// </summary>
    public static async Task<int> RunAndCloseAsync(WsRmSession session, string prefix, int posts = 20)
    {
        var sent = new List<Task>();
        var echoes = new List<(int, Task<string>)>();
        for (var i = 0; i < posts; i++)
        {
            sent.Add(session.PostAsync(prefix + i));
            if (i % 5 == 4) echoes.Add((i, session.EchoAsync($"{prefix}echo {i}")));
        }
        await Task.WhenAll(sent).Within();
        foreach (var (i, echo) in echoes) Assert.Equal($"{prefix}echo {i}", await echo.Within());
        Assert.Equal(Enumerable.Range(0, posts).Select(i => prefix + i), await session.ReceivedAsync(prefix));
        await session.CloseAsync().Within();
        Assert.False(session.IsFaulted);
        return posts + echoes.Count + 1;
    }

    /// <summary>A prefix no other test uses.</summary>
    public static string Prefix(string test) => $"{test}-{Guid.NewGuid():N}-";
}
