using NpgsqlTypes;
using Npgsql;

namespace WsRm.Storage.PostgreSql;

/// <summary>
/// Adds typed parameters (a null keeps its type, so prepared statements stay valid), turning unsigned numbers into
/// PostgreSQL's signed bigint, times into UTC and durations into exact intervals.
/// </summary>
internal static class PostgreSqlParameters
{
    public static NpgsqlParameterCollection Text(this NpgsqlParameterCollection parameters, string name, string? value) =>
        parameters.Typed(name, NpgsqlDbType.Text, value);

    public static NpgsqlParameterCollection Bigint(this NpgsqlParameterCollection parameters, string name, long? value) =>
        parameters.Typed(name, NpgsqlDbType.Bigint, value);

    public static NpgsqlParameterCollection Bigint(this NpgsqlParameterCollection parameters, string name, ulong? value) =>
        parameters.Typed(name, NpgsqlDbType.Bigint, value is { } v ? checked((long)v) : null);

    public static NpgsqlParameterCollection Bigints(this NpgsqlParameterCollection parameters, string name, IEnumerable<long> values) =>
        parameters.Typed(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint, values.ToArray());

    public static NpgsqlParameterCollection Integer(this NpgsqlParameterCollection parameters, string name, int value) =>
        parameters.Typed(name, NpgsqlDbType.Integer, value);

    public static NpgsqlParameterCollection Smallint(this NpgsqlParameterCollection parameters, string name, int value) =>
        parameters.Typed(name, NpgsqlDbType.Smallint, checked((short)value));

    public static NpgsqlParameterCollection Boolean(this NpgsqlParameterCollection parameters, string name, bool value) =>
        parameters.Typed(name, NpgsqlDbType.Boolean, value);

    public static NpgsqlParameterCollection Bytea(this NpgsqlParameterCollection parameters, string name, byte[] value) =>
        parameters.Typed(name, NpgsqlDbType.Bytea, value);

    /// <summary>A timestamptz; Npgsql writes only UTC ones.</summary>
    public static NpgsqlParameterCollection Time(this NpgsqlParameterCollection parameters, string name, DateTimeOffset? value) =>
        parameters.Typed(name, NpgsqlDbType.TimestampTz, value?.ToUniversalTime());

    /// <summary>
    /// A time the store's clock decides: the caller's with <see cref="PostgreSqlClock.Application"/>, null with
    /// <see cref="PostgreSqlClock.Database"/>, where the SQL reads it as <c>coalesce(@name, now())</c>.
    /// </summary>
    public static NpgsqlParameterCollection ClockTime(this NpgsqlParameterCollection parameters, string name, DateTimeOffset value, PostgreSqlClock clock) =>
        parameters.Time(name, clock == PostgreSqlClock.Application ? value : null);

    /// <summary>
    /// An interval of microseconds only: Npgsql would write whole days as interval days, which PostgreSQL adds as
    /// calendar days (23 or 25 hours across a daylight-saving change in the session's time zone).
    /// </summary>
    public static NpgsqlParameterCollection Duration(this NpgsqlParameterCollection parameters, string name, TimeSpan? value) =>
        parameters.Typed(name, NpgsqlDbType.Interval, value is { } v ? new NpgsqlInterval(0, 0, v.Ticks / TimeSpan.TicksPerMicrosecond) : null);

    private static NpgsqlParameterCollection Typed(this NpgsqlParameterCollection parameters, string name, NpgsqlDbType type, object? value)
    {
        parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return parameters;
    }
}
