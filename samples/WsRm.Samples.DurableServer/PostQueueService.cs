using WsRm.Samples.Contracts;

namespace WsRm.Samples.DurableServer;

public sealed class PostQueueService(QueuedPosts posts, ILogger<PostQueueService> logger) : IPostQueue
{
    public void Post(string text)
    {
        posts.Add(text);
        logger.LogInformation("Queued post run: {Text}", text);
    }
}
