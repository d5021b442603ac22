namespace Jivrus.IncidentBot.Bot.Conversations;

// Placeholder until main lands the form entry points (Slack branch); replaced by main's file on merge.
public sealed partial class TurnHandler
{
    public Task<FormResult> SubmitReportAsync(InboundMessage origin, ReportForm form, CancellationToken ct = default) =>
        Task.FromResult(new FormResult(new Dictionary<string, string>(), TurnReply.Say("Forms are not available yet.")));

    public Task<FormResult> SubmitRcaAsync(InboundMessage origin, RcaForm form, CancellationToken ct = default) =>
        Task.FromResult(new FormResult(new Dictionary<string, string>(), TurnReply.Say("Forms are not available yet.")));
}
