using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Workflow.Reports;

namespace Jivrus.IncidentBot.Bot.Conversations;

public sealed partial class CommandRoutes
{
    // The on-demand summary is the scheduled post's text, built for the window ending now.
    private void RouteSummary() =>
        Route<SummaryCommand>(async (_, command, ct) =>
            TurnReply.Say(SummaryText.Render(await _reporter.BuildAsync(ToReportPeriod(command.Period), ct: ct))));

    private static ReportPeriod ToReportPeriod(SummaryPeriod period) =>
        period == SummaryPeriod.Week ? ReportPeriod.Week : ReportPeriod.Day;
}
