using System.Text.RegularExpressions;
using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Bot.Conversations;
using Jivrus.IncidentBot.Workflow.Desk;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Jivrus.IncidentBot.Bot.Tests.Conversations;

/// <summary>A failed turn says what did and did not happen, keeps a reference for the logs, and never shows the exception.</summary>
public sealed partial class TurnErrorTests : IAsyncLifetime
{
    private readonly FailingDatabaseHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Report_WhileTheDatabaseIsUnreachable_SaysTheIncidentWasNotFiled()
    {
        _host.Unreachable = true;

        var reply = await _host.SayAsync("ana", "/incident report Checkout down sev1");

        WithoutReference(reply.Text).Should().Be("INC-? was NOT filed: the incident database is unreachable; try again in a minute. (ref REF)");
    }

    [Fact]
    public async Task Acknowledge_WhileTheDatabaseIsUnreachable_SaysTheIncidentWasNotAcknowledged()
    {
        await _host.SayAsync("ana", "/incident report Checkout down sev1");
        _host.Unreachable = true;

        var reply = await _host.SayAsync("ana", "/incident ack INC-1");

        WithoutReference(reply.Text).Should().Be("INC-1 was NOT acknowledged: the incident database is unreachable; try again in a minute. (ref REF)");
    }

    [Fact]
    public async Task Button_WhileTheDatabaseIsUnreachable_SaysWhatThePressWouldHaveDone()
    {
        await _host.SayAsync("ana", "/incident report Checkout down sev1");
        _host.Unreachable = true;

        var reply = await _host.Turns.HandleAsync(new InboundMessage(ChannelKind.Local, "ana", null, "#incidents", null, null, "",
            new InboundAction("incident.resolve", "INC-1")));

        WithoutReference(reply.Text).Should().Be("INC-1 was NOT resolved: the incident database is unreachable; try again in a minute. (ref REF)");
    }

    [Fact]
    public async Task ReportForm_WhileTheDatabaseIsUnreachable_SaysTheIncidentWasNotFiled()
    {
        _host.Unreachable = true;

        var result = await _host.Turns.SubmitReportAsync(new InboundMessage(ChannelKind.Local, "ana", null, "#incidents", null, null, ""),
            new ReportForm("Checkout down", "sev1", null, null));

        WithoutReference(result.Reply!.Text).Should().Be("INC-? was NOT filed: the incident database is unreachable; try again in a minute. (ref REF)");
    }

    [Fact]
    public async Task Report_WhileTheDatabaseIsUnreachable_FilesNothing()
    {
        _host.Unreachable = true;
        await _host.SayAsync("ana", "/incident report Checkout down sev1");
        _host.Unreachable = false;

        var shown = await _host.Services.GetRequiredService<Desk>().ShowAsync(1);

        shown.Status.Should().Be(DeskStatus.NotFound);
    }

    [Fact]
    public void CommitOfAnAcknowledgementFailed_SaysItMayOrMayNotBeDoneAndHowToCheck()
    {
        var failure = new OutcomeUnknownException(new TimeoutException());

        var text = TurnErrorHandler.Sentence(failure, TurnIntent.Of(new AcknowledgeCommand(4)), "6faa459f");

        text.Should().Be("INC-4 may or may not have been acknowledged: the incident database stopped answering while saving it. "
            + "Check with /incident show INC-4 before trying again. (ref 6faa459f)");
    }

    [Fact]
    public void CommitOfAReportFailed_PointsToTheListToCheck()
    {
        var failure = new OutcomeUnknownException(new TimeoutException());

        var text = TurnErrorHandler.Sentence(failure, TurnIntent.Of(new ReportCommand("Checkout down", "sev1", null)), "6faa459f");

        text.Should().Be("INC-? may or may not have been filed: the incident database stopped answering while saving it. "
            + "Check with /incident list before trying again. (ref 6faa459f)");
    }

    [Fact]
    public void UnexpectedFailureOfAChange_DoesNotClaimItWasNotDone()
    {
        var text = TurnErrorHandler.Sentence(new InvalidOperationException("secret"), TurnIntent.Of(new ResolveCommand(4, "fixed")), "6faa459f");

        text.Should().Be("INC-4 may or may not have been resolved: something unexpected went wrong. Check with /incident show INC-4 before trying again. (ref 6faa459f)");
    }

    private static string WithoutReference(string text) => Reference().Replace(text, "(ref REF)");

    [GeneratedRegex(@"\(ref [0-9a-f]{8}\)")]
    private static partial Regex Reference();
}
