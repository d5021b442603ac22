namespace Jivrus.IncidentBot.Bot.Commands;

/// <summary>Period of <c>/incident summary</c>; the default is <see cref="Day"/>.</summary>
public enum SummaryPeriod
{
    Day,
    Week,
}
