using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WsRm.Storage;

namespace WsRm.Samples.QueuedSender;

/// <summary>
/// One run of a command. Standard output gets one line per event, for people and scripts:
/// <code>
/// queue NAME: W waiting, D dead letter(s)           the queue as found
/// forwarding to URL                                 send, forward: the forwarder runs
/// enqueued K of N                                   messages 1..K are committed (every 100th, the last, at least once a second)
/// committed N message(s) FIRST..LAST to queue NAME  all of them committed
/// acknowledged A, waiting W, dead-lettered D        progress while forwarding (at most once a second, when it changed)
/// queue empty: A acknowledged, D dead-lettered      nothing left to send: the program exits
/// </code>
/// Errors go to standard error with an exit code of <see cref="SenderExitCodes"/>.
/// </summary>
internal static class SenderRun
{
    public static async Task<int> RunAsync(Func<SenderSettings> read, bool enqueue, bool forward, CancellationToken cancellationToken)
    {
        // SIGTERM reaches both the command line (cancellationToken) and the host's console lifetime
        // (ApplicationStopping), in either order: either one is a cancellation.
        var hostStopping = CancellationToken.None;
        try
        {
            var settings = read();
            using var host = SenderHost.Build(settings);
            var factory = host.Factory();
            var store = host.Services.GetRequiredService<IWsRmStore>();
            await host.Services.GetRequiredService<StoreStartup>().ReadyAsync(cancellationToken).ConfigureAwait(false);
            var before = await QueueCounts.ReadAsync(store, factory.QueueName, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"queue {factory.QueueName}: {before.Waiting} waiting, {before.Dead} dead letter(s)");
            if (!forward)
            {
                await Enqueuer.RunAsync(factory, settings, committed: null, cancellationToken).ConfigureAwait(false);
                return SenderExitCodes.Ok;
            }

            // The host runs the forwarder (AddWsRmQueuedClient's hosted service) while this thread enqueues.
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"forwarding to {settings.To}");
            var progress = new DeliveryProgress(store, factory.QueueName, before);
            hostStopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hostStopping);
            try
            {
                progress.Start(stopping.Token);
                if (enqueue) await Enqueuer.RunAsync(factory, settings, n => progress.Enqueued = n, stopping.Token).ConfigureAwait(false);
                await factory.Forwarder.WaitForEmptyAsync(stopping.Token).ConfigureAwait(false);
                var (acknowledged, dead) = await progress.StopAsync().ConfigureAwait(false);
                Console.WriteLine($"queue empty: {acknowledged} acknowledged, {dead} dead-lettered");
                if (dead == 0) return SenderExitCodes.Ok;
                Console.Error.WriteLine($"queued-sender: {dead} message(s) went to the dead-letter queue; list them with: " +
                    $"wsrm deadletter list --queue \"{factory.QueueName}\" --provider {settings.Provider} --connection \"{settings.ConnectionString}\"");
                return SenderExitCodes.DeadLettered;
            }
            finally
            {
                await progress.StopPrintingAsync().ConfigureAwait(false);
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || hostStopping.IsCancellationRequested)
        {
            Console.Error.WriteLine("queued-sender: cancelled; what was committed stays queued for the next run.");
            return SenderExitCodes.Cancelled;
        }
        catch (SenderException e)
        {
            Console.Error.WriteLine($"queued-sender: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is OptionsValidationException or ArgumentException)
        {
            Console.Error.WriteLine($"queued-sender: {e.Message}");
            return SenderExitCodes.Usage;
        }
        catch (Exception e) when (e is StoreUnavailableException or StoreSchemaException or DbException)
        {
            Console.Error.WriteLine($"queued-sender: the store failed: {e.Message}");
            return SenderExitCodes.Failed;
        }
    }
}
