using Jivrus.IncidentBot.Bot.Alerts;
using Jivrus.IncidentBot.Workflow.Alerts;
using static Jivrus.IncidentBot.Bot.Tests.Alerts.Payload;

namespace Jivrus.IncidentBot.Bot.Tests.Alerts;

public sealed class EventsReaderTests
{
    [Fact]
    public void Read_Trigger_IsAFiringGroupUnderItsDedupKey()
    {
        var read = Read("events-trigger.json", Backups);

        var labels = new[]
        {
            L("source", "db-1.example.com"), L("component", "pg_dump"), L("group", "storage"), L("class", "backup failure"),
            L("exit code", "2"), L("retried", "false"), L("log", "/var/log/backup/db-1.log"),
        };
        read.Batch.Should().BeEquivalentTo(
            new AlertBatch("backups", [
                new AlertGroupSignal("nightly-backup/db-1", AlertStatus.Firing, "Nightly backup of db-1 failed", "error", [
                    new AlertItem("nightly-backup/db-1", AlertStatus.Firing, "Nightly backup of db-1 failed", labels,
                        new DateTimeOffset(2026, 3, 2, 2, 15, 0, TimeSpan.Zero), null),
                ], "https://ci.example.com/backups/db-1/1234"),
            ]),
            Exactly);
    }

    [Fact]
    public void Read_Acknowledge_AcknowledgesTheDedupKeysGroup()
    {
        var read = Read("events-acknowledge.json", Backups);

        read.Batch.Should().BeEquivalentTo(
            new AlertBatch("backups", [
                new AlertGroupSignal("nightly-backup/db-1", AlertStatus.Acknowledged, "Event nightly-backup/db-1", null, [
                    new AlertItem("nightly-backup/db-1", AlertStatus.Acknowledged, "Event nightly-backup/db-1", [], null, null),
                ], null),
            ]),
            Exactly);
    }

    [Fact]
    public void Read_Resolve_ResolvesTheDedupKeysGroup()
    {
        var read = Read("events-resolve.json", Backups);

        read.Batch.Should().BeEquivalentTo(
            new AlertBatch("backups", [
                new AlertGroupSignal("nightly-backup/db-1", AlertStatus.Resolved, "Event nightly-backup/db-1", null, [
                    new AlertItem("nightly-backup/db-1", AlertStatus.Resolved, "Event nightly-backup/db-1", [], null, null),
                ], null),
            ]),
            Exactly);
    }

    [Fact]
    public void Read_TriggerWithoutDedupKey_GetsTheSameKeyEachTimeItIsSent()
    {
        const string Body = """{"event_action": "trigger", "payload": {"summary": "Disk full", "source": "web-1", "severity": "warning"}}""";

        var first = ReadJson(Body, Backups);
        var again = ReadJson(Body, Backups);
        var otherHost = ReadJson(Body.Replace("web-1", "web-2", StringComparison.Ordinal), Backups);

        first.Batch!.Groups[0].Key.Should().Be(AlertKeys.Hash("backups\nweb-1\nDisk full"));
        again.Batch!.Groups[0].Key.Should().Be(first.Batch.Groups[0].Key);
        otherHost.Batch!.Groups[0].Key.Should().NotBe(first.Batch.Groups[0].Key);
    }

    [Fact]
    public void Read_DedupKeyLongerThanTheLimit_IsReplacedByItsSha256()
    {
        var key = new string('k', 255);

        var read = ReadJson($$"""{"event_action": "resolve", "dedup_key": "{{key}}"}""", Backups);

        read.Batch!.Groups.Should().ContainSingle().Which.Key.Should().Be(AlertKeys.Hash(key));
    }

    [Fact]
    public void Read_SeverityInCapitals_IsReadInLowerCase()
    {
        var read = ReadJson("""{"event_action": "trigger", "dedup_key": "d", "payload": {"summary": "s", "source": "h", "severity": "CRITICAL"}}""", Backups);

        read.Batch!.Groups.Should().ContainSingle().Which.SeverityValue.Should().Be("critical");
    }

    [Theory]
    [InlineData("42", "The body must be a JSON object: an event with \"event_action\" trigger, acknowledge or resolve.")]
    [InlineData("""{"dedup_key": "d"}""", "The event has no \"event_action\"; it must be trigger, acknowledge or resolve.")]
    [InlineData("""{"event_action": "snooze", "dedup_key": "d"}""", "The event has \"event_action\" 'snooze'; it must be trigger, acknowledge or resolve.")]
    [InlineData("""{"event_action": "trigger"}""", "A trigger event needs a \"payload\" with summary, source and severity.")]
    [InlineData("""{"event_action": "trigger", "payload": {"source": "h", "severity": "info"}}""", "A trigger event needs \"payload.summary\", the sentence that says what is wrong.")]
    [InlineData("""{"event_action": "trigger", "payload": {"summary": "s", "severity": "info"}}""", "A trigger event needs \"payload.source\", the system that has the problem (a host name, for instance).")]
    [InlineData("""{"event_action": "trigger", "payload": {"summary": "s", "source": "h"}}""", "A trigger event needs \"payload.severity\": critical, error, warning or info.")]
    [InlineData("""{"event_action": "trigger", "payload": {"summary": "s", "source": "h", "severity": "sev1"}}""", "The event has \"payload.severity\" 'sev1'; it must be critical, error, warning or info.")]
    [InlineData("""{"event_action": "resolve"}""", "A resolve event needs the \"dedup_key\" of the alert it resolves.")]
    [InlineData("""{"event_action": "acknowledge", "dedup_key": 7}""", "An acknowledge event needs the \"dedup_key\" of the alert it acknowledges.")]
    public void Read_NotAnEvent_AnswersWhatIsWrong(string body, string sentence)
    {
        var read = ReadJson(body, Backups);

        read.Should().Be(AlertRead.Refused(sentence));
    }
}
