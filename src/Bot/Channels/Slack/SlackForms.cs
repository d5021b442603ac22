using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Http;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Channels.Slack;

/// <summary>Opens the modal a turn asked for. A <c>trigger_id</c> is valid for 3 s and once, so this runs inside the request.</summary>
internal sealed class SlackForms(ResponsePlan plan, [FromKeyedServices(InteractiveRetry.Key)] SlackApiClient api, ILogger<SlackForms> log)
{
    /// <summary>True when the modal opened; false when Slack refused (the caller then answers in text).</summary>
    public async Task<bool> OpenAsync(FormRequest form, string? triggerId, string channelId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(triggerId) || (form.Kind != FormKind.Report && form.IncidentNumber is null))
            return false;
        var view = form.Kind switch
        {
            FormKind.Report => SlackModals.Report(plan, form.Severity, channelId),
            FormKind.TicketReply when form is { TicketId: { } ticket, Draft: { } draft } => SlackModals.TicketReply(ticket, form.IncidentNumber!.Value, draft, channelId),
            FormKind.TicketReply => null,
            _ => SlackModals.Rca(form.IncidentNumber!.Value, channelId),
        };
        if (view is null)
            return false;
        try
        {
            await api.OpenViewAsync(triggerId, view, ct);
            return true;
        }
        catch (SlackApiException ex)
        {
            log.LogWarning("Could not open the {Form} form: {Error}", form.Kind, ex.Error);
            return false;
        }
    }
}
