namespace Jivrus.IncidentBot.Bot.Conversations;

/// <summary>Form submissions (the report, RCA and customer reply forms) enter the same turn path as typed commands.</summary>
public sealed partial class TurnHandler
{
    /// <summary>Files the report typed into the report form; field errors come back to be shown inside the form.</summary>
    public async Task<FormResult> SubmitReportAsync(InboundMessage origin, ReportForm form, CancellationToken ct = default)
    {
        try
        {
            return await routes.SubmitReportAsync(await identities.ResolveAsync(origin.Channel, origin.UserId, origin.UserName, ct), form, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new FormResult(new Dictionary<string, string>(), errors.Handle(ex, origin, TurnIntent.Of(FormKind.Report)));
        }
    }

    /// <summary>Submits the root-cause analysis typed into the RCA form.</summary>
    public async Task<FormResult> SubmitRcaAsync(InboundMessage origin, RcaForm form, CancellationToken ct = default)
    {
        try
        {
            return await routes.SubmitRcaAsync(await identities.ResolveAsync(origin.Channel, origin.UserId, origin.UserName, ct), form, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new FormResult(new Dictionary<string, string>(), errors.Handle(ex, origin, TurnIntent.Of(FormKind.Rca, form.IncidentNumber)));
        }
    }

    /// <summary>Sends the reply to a ticket's customer written in the reply form.</summary>
    public async Task<FormResult> SubmitTicketReplyAsync(InboundMessage origin, TicketReplyForm form, CancellationToken ct = default)
    {
        try
        {
            return await routes.SubmitTicketReplyAsync(await identities.ResolveAsync(origin.Channel, origin.UserId, origin.UserName, ct), form, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new FormResult(new Dictionary<string, string>(), errors.Handle(ex, origin, TurnIntent.Of(FormKind.TicketReply, form.IncidentNumber, form.TicketId)));
        }
    }
}
