using System.Security.Cryptography;
using System.Text;

namespace WsRm.Client.Tests.Network;

/// <summary>
/// The files of one test squid, all in its own directory: squid.conf, the password file, and the pid, logs and shared
/// state squid writes. Nothing is cached; only requests to 127.0.0.1 are allowed, and only with Basic credentials
/// checked by basic_ncsa_auth (the default configuration would deny to_localhost; this one replaces it).
/// </summary>
internal sealed class SquidConfig
{
    public const string User = "wsrm-client";

    public SquidConfig(string directory, int port, string ncsaHelper)
    {
        Directory = directory;
        Port = port;
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        ConfigPath = Path.Combine(directory, "squid.conf");
        AccessLogPath = Path.Combine(directory, "access.log");
        CacheLogPath = Path.Combine(directory, "cache.log");
        PasswordPath = Path.Combine(directory, "passwd");
        NcsaHelper = ncsaHelper;
    }

    public string Directory { get; }
    public int Port { get; }
    public string Password { get; }
    public string ConfigPath { get; }
    public string AccessLogPath { get; }
    public string CacheLogPath { get; }
    public string PasswordPath { get; }
    public string NcsaHelper { get; }

    /// <summary>
    /// Writes the password file and squid.conf. Run as root, squid drops to its cache_effective_user (proxy on
    /// Debian), so the directory is opened to it; the password file holds an unsalted MD5 hex digest, one of the forms
    /// basic_ncsa_auth accepts, of a random test-only password.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Write()
    {
        File.SetUnixFileMode(Directory, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
        var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(Password))).ToLowerInvariant();
        File.WriteAllText(PasswordPath, $"{User}:{digest}\n");
        File.SetUnixFileMode(PasswordPath, (UnixFileMode)0b110_100_100);
        File.WriteAllText(ConfigPath, $"""
            http_port 127.0.0.1:{Port}
            pid_filename {Directory}/squid.pid
            cache_log {CacheLogPath}
            access_log stdio:{AccessLogPath} squid
            cache_store_log none
            coredump_dir {Directory}
            cache deny all
            cache_mem 8 MB
            netdb_filename none
            pinger_enable off
            icp_port 0
            htcp_port 0
            logfile_rotate 0
            shutdown_lifetime 0 seconds
            visible_hostname wsrm-tests
            auth_param basic program {NcsaHelper} {PasswordPath}
            auth_param basic children 2 startup=1 idle=1
            auth_param basic realm wsrm-tests
            auth_param basic credentialsttl 1 minute
            acl to_loopback dst 127.0.0.1
            acl CONNECT method CONNECT
            acl authenticated proxy_auth REQUIRED
            http_access deny !to_loopback
            http_access allow CONNECT authenticated
            http_access allow authenticated
            http_access deny all

            """);
    }
}
