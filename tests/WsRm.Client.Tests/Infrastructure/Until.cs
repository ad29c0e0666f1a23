namespace WsRm.Client.Tests.Infrastructure;

/// <summary>Waits for a condition on a transmission queue, re-checked after each turn of its forwarder's loop; bounded.</summary>
internal static class Until
{
    public static async Task QueueAsync(WsRmQueueForwarder forwarder, Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? Bounded.Long);
        while (true)
        {
            var changed = forwarder.Progress.WaitAsync();
            if (await condition()) return;
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }
        }
    }
}
