using System.Collections.Concurrent;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Http;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>
/// Names of Slack members outside the plan, from <c>users.info</c> (scope <c>users:read</c>), remembered for the
/// process's life. The lookup sits on the 3 s path of a slash command, so it gets a short budget of its own and a
/// failure only costs the nicer name: the caller falls back to the request's <c>user_name</c>. After a failure the
/// directory stays quiet for a minute, so a Slack outage does not slow every employee's command by the budget.
/// </summary>
internal sealed class SlackUserDirectory(
    [FromKeyedServices(InteractiveRetry.Key)] SlackApiClient api,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackUserDirectory> log) : IUserDirectory
{
    private const int MaxRemembered = 10_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QuietAfterFailure = TimeSpan.FromMinutes(1);

    // A member Slack has no name for is remembered as "" so it is not asked again.
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private long _quietUntil;

    public ChannelKind Channel => ChannelKind.Slack;

    public async ValueTask<string?> DisplayNameAsync(string userId, CancellationToken ct)
    {
        if (!options.Value.Enabled || string.IsNullOrEmpty(userId))
            return null;
        if (_names.TryGetValue(userId, out var known))
            return known.Length == 0 ? null : known;
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _quietUntil))
            return null;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(Budget);
        try
        {
            var name = await api.UserNameAsync(userId, budget.Token);
            Remember(userId, name ?? "");
            return name;
        }
        catch (SlackApiException ex) when (ex.Error == "user_not_found")
        {
            Remember(userId, "");
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Whatever went wrong, a report must not fail for want of a nicer name.
            Interlocked.Exchange(ref _quietUntil, (time.GetUtcNow() + QuietAfterFailure).UtcTicks);
            log.LogInformation("No Slack name for {User} ({Kind}); using the request's for a minute", userId, ex is SlackApiException s ? s.Error : ex.GetType().Name);
            return null;
        }
    }

    private void Remember(string userId, string name)
    {
        if (_names.Count >= MaxRemembered)
            _names.Clear();
        _names[userId] = name;
    }
}
