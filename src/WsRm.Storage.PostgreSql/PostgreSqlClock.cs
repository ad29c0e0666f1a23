namespace WsRm.Storage.PostgreSql;

/// <summary>Whose clock the PostgreSQL store writes and compares times with.</summary>
public enum PostgreSqlClock
{
    /// <summary>
    /// The database's <c>now()</c> (the start of the statement's transaction): one clock for every server sharing the
    /// database, so that a lease taken by one node and looked at by another, or an inactivity measured on another node,
    /// does not depend on how well the nodes' clocks agree. The times passed to the store are ignored (a sequence's last
    /// activity that an update changes becomes the database's time; one passed back as read is kept), except the
    /// absolute times a caller computes and the store only keeps: a message's not-before time (a retry cycle's delay)
    /// and lease in <see cref="UpdateMessage"/>, and an expiry rewritten by <see cref="UpdateOutbox"/>; those are compared
    /// with the database's clock later, so the nodes' clocks should agree to well within a retry cycle's delay.
    /// </summary>
    Database,

    /// <summary>The times the caller passes (its <see cref="TimeProvider"/>): for tests with a fake clock, and single servers.</summary>
    Application,
}
