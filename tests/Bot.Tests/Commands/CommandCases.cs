using Jivrus.IncidentBot.Bot.Commands;
using Jivrus.IncidentBot.Workflow.Incidents;
using Jivrus.IncidentBot.Workflow.Plan;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

/// <summary>
/// Builds random valid command lines together with the command they must parse to, and mutates lines
/// into the broken shapes people and networks produce.
/// </summary>
internal static class CommandCases
{
    /// <summary>Words that mean something to the grammar, so mutations hit its edges rather than plain text.</summary>
    public static readonly string[] Interesting =
    [
        "INC-7", "inc-0", "#", "#0", "INC-", "INC-x", "7", "0", "99999999999", "2147483648", "-1", "sev1", "sev0", "SEV-9", "sev",
        "next", "eta", "next:", "30m", "0m", "1h30m", "999999d", "impact:", "actions:", "ticket", "<@U1>", "<@U1|a b>", "<@",
        "<at>", "</at>", "<at>Ana</at>", "@", "@ana", "&lt;", "&amp;", "&gt;", "/incident", "incident", "help", "report",
        "update", "\u0000", "\u202e", "\ud800", "🎉", "\n", "\t", "mine", "week", "escalate", "link",
    ];

    private const string Alphabet = " <>@|#:&;-/\nINCsevnextaimpctkl0123456789";

    private static readonly string[] Words = ["db", "down", "checkout", "rolled", "back", "eu", "pods", "restart", "vendor", "cert", "expired", "ok"];

    public static (string Line, IncidentCommand Expected) Valid(Random random)
    {
        var n = random.Next(1, int.MaxValue);
        var (id, number) = random.Next(5) switch
        {
            0 => ("", (int?)null),
            1 => ($"INC-{n} ", n),
            2 => ($"inc-{n} ", n),
            3 => ($"#{n} ", n),
            _ => ($"{n} ", n),
        };
        var text = Text(random);
        var sev = $"sev{random.Next(1, 10)}";
        var ticket = random.NextInt64(1, long.MaxValue);
        var minutes = TimeSpan.FromMinutes(random.Next(1, 5000));
        var hours = TimeSpan.FromHours(random.Next(1, 200));

        return random.Next(16) switch
        {
            0 => ($"ack {id}", new AcknowledgeCommand(number)),
            1 => ($"close {id}", new CloseCommand(number)),
            2 => ($"reopen {id}", new ReopenCommand(number)),
            3 => ($"show {id}", new ShowCommand(number)),
            4 => ($"timeline {id}", new TimelineCommand(number)),
            5 => ($"resolve {id}{text}", new ResolveCommand(number, text)),
            6 => ($"mitigate {id}{text}", new MitigateCommand(number, text)),
            7 => ($"cancel {id}{text}", new CancelCommand(number, text)),
            8 => ($"update {id}{text} next {DurationText.Format(minutes)} eta {DurationText.Format(hours)}",
                new UpdateCommand(number, text, minutes, EtaPromise.In(hours))),
            9 => ($"sev {id}{sev}", new SeverityCommand(number, sev)),
            10 => ($"rca {id}{text} actions: {text}", new RcaCommand(number, text, text)),
            11 => ($"report {text} {sev} impact: {text}", new ReportCommand(text, sev, text)),
            12 => ($"link {id}ticket {ticket}", new LinkTicketCommand(number, ticket)),
            13 => ($"escalate {id}{text}", new EscalateCommand(number, text)),
            14 => ($"assign {id}<@U{n}>", new AssignCommand(number, new PersonMention($"<@U{n}>", $"U{n}", null, null))),
            _ => ($"ticket incident {ticket} {sev}", new TicketPromoteCommand(ticket, sev)),
        };
    }

    public static string Mutate(string line, Random random)
    {
        var tokens = line.Split(' ').ToList();
        for (var round = random.Next(1, 5); round > 0; round--)
        {
            var i = random.Next(Math.Max(tokens.Count, 1));
            switch (random.Next(7))
            {
                case 0 when tokens.Count > 1:
                    var j = random.Next(tokens.Count);
                    (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                    break;
                case 1 when tokens.Count > 0:
                    tokens.RemoveAt(i);
                    break;
                case 2 when tokens.Count > 0:
                    tokens.Insert(i, tokens[i]);
                    break;
                case 3:
                    tokens.Insert(Math.Min(i, tokens.Count), Interesting[random.Next(Interesting.Length)]);
                    break;
                case 4 when tokens.Count > 0:
                    var cut = random.Next(tokens[i].Length + 1);
                    tokens[i] = tokens[i][..cut];
                    break;
                case 5 when tokens.Count > 0:
                    tokens[i] = Interesting[random.Next(Interesting.Length)];
                    break;
                default:
                    var joined = string.Join(' ', tokens);
                    tokens = [joined[..random.Next(joined.Length + 1)]];
                    break;
            }
        }

        return string.Join(random.Next(4) == 0 ? "  " : " ", tokens);
    }

    /// <summary>Random unicode, including control characters and lone surrogates.</summary>
    public static string Noise(Random random)
    {
        var chars = new char[random.Next(0, 120)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(4) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0, char.MaxValue + 1),
                _ => Alphabet[random.Next(Alphabet.Length)],
            };
        }

        return new string(chars);
    }

    /// <summary>Free text that cannot be mistaken for an id or a clause, so the expected command is certain.</summary>
    private static string Text(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Words[random.Next(Words.Length)]));
}
