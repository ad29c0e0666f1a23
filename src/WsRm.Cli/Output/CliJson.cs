using System.Text.Json;
using System.Text.Json.Serialization;
using WsRm.Cli.Views;

namespace WsRm.Cli.Output;

/// <summary>
/// <c>--json</c> output: indented, camelCase properties, nulls left out, times as ISO 8601 with offset. Lists are JSON
/// arrays (empty when nothing matched), <c>show</c> one object.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PoisonMessageView))]
[JsonSerializable(typeof(DeadLetterView))]
[JsonSerializable(typeof(IReadOnlyList<PoisonMessageView>))]
[JsonSerializable(typeof(IReadOnlyList<DeadLetterView>))]
[JsonSerializable(typeof(IReadOnlyList<QueueView>))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Writes <paramref name="value"/> and a line break.</summary>
    public static void Write<T>(TextWriter writer, T value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, typeof(T), Default));
    }
}
