namespace WsRm.Server;

/// <summary>How long a service instance lives, like WCF's <c>InstanceContextMode</c>.</summary>
public enum ServiceInstanceMode
{
    /// <summary>One instance per reliable session (WCF's default); per call on plain endpoints.</summary>
    PerSession,

    /// <summary>A new instance for every call.</summary>
    PerCall,

    /// <summary>One instance for the whole endpoint.</summary>
    Single,
}
