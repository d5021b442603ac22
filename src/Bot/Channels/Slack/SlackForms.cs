using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Http;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>Opens the modal a turn asked for. A <c>trigger_id</c> is valid for 3 s and once, so this runs inside the request.</summary>
internal sealed class SlackForms(ResponsePlan plan, [FromKeyedServices(InteractiveRetry.Key)] SlackApiClient api, ILogger<SlackForms> log)
{
    /// <summary>True when the modal opened; false when Slack refused (the caller then answers in text).</summary>
    public async Task<bool> OpenAsync(FormRequest form, string? triggerId, string channelId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(triggerId) || Forms.For(form, plan) is not { } spec)
            return false;
        try
        {
            await api.OpenViewAsync(triggerId, SlackModals.Render(spec, channelId), ct);
            return true;
        }
        catch (SlackApiException ex)
        {
            log.LogWarning("Could not open the {Form} form: {Error}", form.Kind, ex.Error);
            return false;
        }
    }
}
