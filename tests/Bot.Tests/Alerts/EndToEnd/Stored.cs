using Jivrus.IncidentBot.Workflow.Alerts;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts.EndToEnd;

/// <summary>What the bot stored, read straight from its database: the outcome a test waits for and checks.</summary>
internal static class Stored
{
    public static Task<List<Incident>> IncidentsAsync(this AlertBot bot) =>
        bot.QueryAsync(db => db.Incidents.AsNoTracking().OrderBy(i => i.Number).ToListAsync());

    /// <summary>Waits until at least <paramref name="count"/> incidents are stored, and returns them.</summary>
    public static Task<List<Incident>> WaitForIncidentsAsync(this AlertBot bot, int count) =>
        Eventually.UntilAsync(bot.IncidentsAsync, all => all.Count >= count, count == 1 ? "an incident" : $"{count} incidents");

    public static Task<Incident> IncidentAsync(this AlertBot bot, int number) =>
        bot.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Number == number));

    /// <summary>The incident's timeline sentences, oldest first.</summary>
    public static Task<List<string>> TimelineAsync(this AlertBot bot, int number) =>
        bot.QueryAsync(db => db.Timeline.Where(t => t.IncidentNumber == number).OrderBy(t => t.Id).Select(t => t.Text).ToListAsync());

    /// <summary>Every page the bot queued: (incident, person), in the order they were queued.</summary>
    public static Task<List<(int Incident, string Person)>> PagesAsync(this AlertBot bot) =>
        bot.QueryAsync(async db => (await db.Outbox.Where(o => o.Kind == NoticeKind.Page).OrderBy(o => o.Id)
            .Select(o => new { o.IncidentNumber, o.PersonId }).ToListAsync())
            .Select(o => (o.IncidentNumber!.Value, o.PersonId!)).ToList());

    /// <summary>The notices of one kind for an incident: (audience, person, text).</summary>
    public static Task<List<(Audience Audience, string? Person, string Text)>> NoticesAsync(this AlertBot bot, int number, NoticeKind kind) =>
        bot.QueryAsync(async db => (await db.Outbox.Where(o => o.IncidentNumber == number && o.Kind == kind).OrderBy(o => o.Id)
            .Select(o => new { o.Audience, o.PersonId, o.Text }).ToListAsync())
            .Select(o => (o.Audience, o.PersonId, o.Text)).ToList());

    public static Task<List<AlertGroup>> AlertGroupsAsync(this AlertBot bot) =>
        bot.QueryAsync(db => db.AlertGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync());

    /// <summary>Level 1 paged once for each of these incidents, in turn: the page rounds a test expects.</summary>
    public static IEnumerable<(int Incident, string Person)> PageRounds(params int[] incidents) =>
        incidents.SelectMany(n => AlertBot.LevelOne.Select(person => (n, person)));
}
