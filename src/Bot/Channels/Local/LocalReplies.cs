using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Bot.Messages;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Channels.Local;

/// <summary>Turns a <see cref="TurnReply"/> into what the page reads; a form goes with its whole spec, for the page to draw.</summary>
internal static class LocalReplies
{
    public static LocalReply From(TurnReply reply, ResponsePlan plan) => new(
        reply.Text,
        reply.CardToShow is { } card ? LocalCard.From(card) : null,
        reply.Form is { } form && Forms.For(form, plan) is { } spec ? Form(spec) : null);

    public static LocalFormReply From(FormResult result, ResponsePlan plan) => new(result.Errors, result.Reply is null ? null : From(result.Reply, plan));

    public static LocalForm Form(FormSpec spec) => new(
        spec.Id,
        spec.Title,
        spec.Submit,
        spec.Intro,
        spec.IncidentNumber,
        spec.TicketId,
        [.. spec.Fields.Select(f => new LocalFormField(
            f.Key, f.Label, f.Kind.ToString().ToLowerInvariant(), f.Placeholder, f.MaxLength, f.Optional, f.Hint,
            [.. f.Choices.Select(c => new LocalFormChoice(c.Value, c.Text, c.Description))], f.Initial))]);
}
