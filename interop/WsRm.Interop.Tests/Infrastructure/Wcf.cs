using System.ServiceModel;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>Runs blocking WCF client calls off the test thread, each with a timeout.</summary>
public static class Wcf
{
    /// <summary>A little longer than the bindings' own timeouts, so WCF's TimeoutException normally wins.</summary>
    public static readonly TimeSpan CallTimeout = BindingMatrix.BindingTimeout + TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="call"/> on the thread pool and awaits it with <see cref="CallTimeout"/>.</summary>
    public static Task<T> CallAsync<T>(Func<T> call) => Task.Run(call).WaitAsync(CallTimeout);

    /// <summary>Runs <paramref name="call"/> on the thread pool and awaits it with <see cref="CallTimeout"/>.</summary>
    public static Task CallAsync(Action call) => Task.Run(call).WaitAsync(CallTimeout);

    /// <summary>Opens the channel (creating the sequence) without sending an application message.</summary>
    public static Task OpenAsync(object channel) => CallAsync(() => ((IClientChannel)channel).Open());

    /// <summary>Closes the channel gracefully (close and terminate the sequences).</summary>
    public static Task CloseAsync(object channel) => CallAsync(() => ((IClientChannel)channel).Close());

    /// <summary>The channel's communication state.</summary>
    public static CommunicationState State(object channel) => ((IClientChannel)channel).State;
}
