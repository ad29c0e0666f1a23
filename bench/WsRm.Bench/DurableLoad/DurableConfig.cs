using WsRm.Bench.ClientLoad;

namespace WsRm.Bench.DurableLoad;

/// <summary>One column of the durable benchmark: a client against one endpoint of one server.</summary>
internal sealed record DurableConfig(string Name, ILoadClient Client, bool CountsCommits);
