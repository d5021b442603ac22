using System.Net;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host believes (section
/// <c>ForwardedHeaders</c>). Each key takes a list (<c>ForwardedHeaders:KnownProxies:0</c>, ...) or one comma-separated
/// value. Default: none configured, which keeps ASP.NET Core's default of a proxy on this machine (loopback).
/// </summary>
internal sealed class ProxySettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>IP addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Trusted proxy networks in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    public bool Configured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public void Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        KnownProxies = List(section.GetSection(nameof(KnownProxies)));
        KnownNetworks = List(section.GetSection(nameof(KnownNetworks)));
    }

    private static string[] List(IConfigurationSection key) =>
        (key.Value is { } single ? single.Split(',') : key.GetChildren().Select(c => c.Value ?? ""))
            .Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
}

/// <summary>Stops start-up on a proxy address or network that does not parse, naming it.</summary>
internal sealed class ProxySettingsValidator : IValidateOptions<ProxySettings>
{
    public ValidateOptionsResult Validate(string? name, ProxySettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.KnownProxies.FirstOrDefault(p => !IPAddress.TryParse(p, out _)) is { } proxy)
            return ValidateOptionsResult.Fail($"ForwardedHeaders:KnownProxies must list IP addresses such as 10.0.0.5; '{proxy}' is not one.");
        if (options.KnownNetworks.FirstOrDefault(n => !IPNetwork.TryParse(n, out _)) is { } network)
            return ValidateOptionsResult.Fail($"ForwardedHeaders:KnownNetworks must list networks in CIDR form such as 10.0.0.0/8; '{network}' is not one.");
        return ValidateOptionsResult.Success;
    }
}
