namespace WsRm.Server;

/// <summary>
/// Per-endpoint settings given to <c>MapWsRmService</c> / <c>MapSoapService</c>; unset values come from
/// <see cref="WsRmServerOptions"/>. When the server's options are bound from configuration, the section
/// <c>{server section}:Endpoints:{route pattern}</c> binds over what the code set (all but <see cref="Contract"/>).
/// </summary>
public sealed class WsRmServiceOptions
{
    /// <summary>Ordered delivery on this endpoint (reliable endpoints only).</summary>
    public bool? Ordered { get; set; }

    /// <summary>Instance lifetime on this endpoint.</summary>
    public ServiceInstanceMode? InstanceMode { get; set; }

    /// <summary>
    /// The one <c>[ServiceContract]</c> interface to serve. Null (the default) serves every contract the service
    /// implements at this address, requests told apart by action (as WCF lets endpoints with different contracts share
    /// an address); mapping fails, naming both operations, when two contracts have an operation with the same action.
    /// </summary>
    public Type? Contract { get; set; }

    /// <summary>
    /// The endpoint's address as its clients know it: named as <c>wsrm:Accept/wsrm:AcksTo</c> in the
    /// CreateSequenceResponse (WS-RM 1.1 §3.4; WCF requires it to equal the endpoint address it sent the
    /// CreateSequence to, and refuses the session otherwise). Null (the default) takes the URL each request came to as
    /// this host sees it: scheme, host, PathBase and path, the X-Forwarded-* values when the app uses
    /// UseForwardedHeaders. Set it, as an absolute URI, when clients address the service by a logical address that
    /// differs from that URL, e.g. through a SOAP router that routes by wsa:To (WCF: an endpoint address with a
    /// different ListenUri). Reliable endpoints only.
    /// </summary>
    public Uri? Address { get; set; }

    /// <summary>
    /// Durable reliable sessions (default: false). The endpoint's sequence state, the messages it accepted and the replies
    /// it keeps are committed to the store (<c>AddWsRmSqliteStore</c> or <c>AddWsRmPostgreSqlStore</c>) before an
    /// acknowledgement or a reply leaves, so a client's session goes on after the server process is killed and started
    /// again on the same store: retransmissions are recognised, duplicates do not run again, kept replies are sent again.
    /// Messages acknowledged but not yet delivered are delivered after the restart (at least once; exactly once for work
    /// the service does through <c>WsRmTransaction</c>). Reliable endpoints only.
    /// </summary>
    public bool Durable { get; set; }

    /// <summary>
    /// Serve this endpoint's WSDL and XSD on GET (<c>?wsdl</c>, <c>?singleWsdl</c>, <c>?xsd=xsdN</c>); null (the
    /// default) takes <see cref="WsRmServerOptions.PublishMetadata"/>. A reliable endpoint's WSDL carries the WS-RM
    /// policy (both versions, WS-Addressing, WCF's flow control); a plain one's none.
    /// </summary>
    public bool? PublishMetadata { get; set; }
}
