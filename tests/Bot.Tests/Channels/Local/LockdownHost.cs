using System.Collections.Concurrent;
using System.Net;
using Jivrus.IncidentBot.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Local;

/// <summary>
/// The real host with its settings, whose connections come from <paramref name="peer"/> (the in-process server has no
/// socket, so a test stands in for the machine at the other end). Records the caller's address each request was
/// answered with, after the forwarded-headers middleware had its say.
/// </summary>
internal sealed class LockdownHost(IPAddress? peer, params (string Key, string Value)[] settings) : BotHost("lockdown", settings: settings)
{
    public const string SlackSecret = "lockdown-signing-secret";
    public const string SlackToken = "xoxb-lockdown";
    public const string TeamsAppId = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

    public static readonly (string Key, string Value)[] Slack = [("Slack:SigningSecret", SlackSecret), ("Slack:BotToken", SlackToken)];

    public static readonly (string Key, string Value)[] Teams = [("Teams:AppId", TeamsAppId), ("Teams:AppPassword", "lockdown-password")];

    /// <summary>The remote address each request path ended with, and whether its X-Forwarded-For was still there.</summary>
    public ConcurrentQueue<(string Path, IPAddress? Caller, bool ForwardedForLeft)> Callers { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Peer(peer, Callers)));

    /// <summary>A GET carrying one header (none when <paramref name="header"/> is empty), read up to its headers only.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string header = "", string value = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header.Length > 0)
            request.Headers.TryAddWithoutValidation(header, value);
        using var response = await CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        // The feed's stream never ends on its own: only a refusal's body is read.
        var body = response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body);
    }

    private sealed class Peer(IPAddress? address, ConcurrentQueue<(string, IPAddress?, bool)> callers) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate rest) =>
            {
                http.Connection.RemoteIpAddress = address;

                // Noted as the answer starts, so it is there before the client sees the answer.
                http.Response.OnStarting(() =>
                {
                    callers.Enqueue((http.Request.Path, http.Connection.RemoteIpAddress, http.Request.Headers.ContainsKey("X-Forwarded-For")));
                    return Task.CompletedTask;
                });
                return rest(http);
            });
            next(app);
        };
    }
}
