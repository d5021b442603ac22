using System.Diagnostics;
using Ical.Net;
using Jivrus.IncidentBot.Workflow.OnCall;
using Jivrus.IncidentBot.Workflow.Tests.Support;
using static Jivrus.IncidentBot.Workflow.Tests.OnCall.Rotations;

namespace Jivrus.IncidentBot.Workflow.Tests.OnCall;

public sealed class OnCallCalendarTests
{
    // Weekly London rotation of Ana and Ben from Monday 2027-03-01 09:00; the clocks go forward on Sunday 2027-03-28.
    private static readonly Rotation London = Of("Europe/London", RotationShift.Week, "09:00", "2027-03-01", ["ana", "ben"]);
    private static readonly DateTimeOffset Now = Utc("2027-03-03T12:00");
    private static readonly OnCallOverride Cover = new("support", "dana", Utc("2027-03-10T00:00"), Utc("2027-03-11T00:00"), "ben", Utc("2027-03-02T00:00"), id: 4);

    private static string Document() =>
        OnCallCalendar.Document(TestPlans.Standard() with { Rotations = [London] }, new OnCallRoster([London], [Cover]), "support", Now);

    [Fact]
    public void Document_ParsesBackInIcalNet_WithTheNext90DaysOfTurnsAndTheOverride()
    {
        var calendar = Calendar.Load(Document())!;

        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).Select(e => (e.DtStart!.AsUtc, e.DtEnd!.AsUtc, e.Summary)).ToList();

        events.Take(4).Should().Equal(
            (Utc("2027-03-01T09:00").UtcDateTime, Utc("2027-03-08T09:00").UtcDateTime, "Ana on call: Support on-call"),
            (Utc("2027-03-08T09:00").UtcDateTime, Utc("2027-03-10T00:00").UtcDateTime, "Ben on call: Support on-call"),
            (Utc("2027-03-10T00:00").UtcDateTime, Utc("2027-03-11T00:00").UtcDateTime, "Dana on call: Support on-call (override #4)"),
            (Utc("2027-03-11T00:00").UtcDateTime, Utc("2027-03-15T09:00").UtcDateTime, "Ben on call: Support on-call"));
        events.Should().HaveCount(16);
        events[^1].Item2.Should().Be(Utc("2027-06-07T08:00").UtcDateTime); // 09:00 BST: the last turn ends after the 90 days
    }

    [Fact]
    public void Document_ReadsTheSameInAnIndependentReader()
    {
        var start = new ProcessStartInfo("python3", Path.Combine(AppContext.BaseDirectory, "OnCall", "ics_reader.py"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var python = Process.Start(start)!;
        python.StandardInput.Write(Document());
        python.StandardInput.Close();
        var output = python.StandardOutput.ReadToEnd();
        var error = python.StandardError.ReadToEnd();
        python.WaitForExit();

        (python.ExitCode, error).Should().Be((0, ""));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(16);
        lines.Take(6).Should().Equal(
            "2027-03-01 09:00 2027-03-08 09:00 Ana on call: Support on-call",
            "2027-03-08 09:00 2027-03-10 00:00 Ben on call: Support on-call",
            "2027-03-10 00:00 2027-03-11 00:00 Dana on call: Support on-call (override #4)",
            "2027-03-11 00:00 2027-03-15 09:00 Ben on call: Support on-call",
            "2027-03-15 09:00 2027-03-22 09:00 Ana on call: Support on-call",
            "2027-03-22 09:00 2027-03-29 08:00 Ben on call: Support on-call");
    }
}
