using CsCheck;
using Jivrus.IncidentBot.Bot.Commands;

namespace Jivrus.IncidentBot.Bot.Tests.Commands;

/// <summary>
/// The parser is the first thing any chat input meets, so it must be total: whatever arrives, exactly one
/// of command or error comes back, and the internal-error safety net never fires.
/// </summary>
public sealed class CommandParserFuzzTests
{
    private const int Iterations = 100_000;

    [Fact]
    public void RandomNoise_NeverThrows_AndGivesCommandOrError() =>
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var noise = CommandCases.Noise(random);
            AssertTotal(CommandParser.ParseLine(noise), noise);
            AssertTotal(CommandParser.Parse("/incident", noise), noise);
            AssertTotal(CommandParser.Parse(noise, noise), noise);
        }, iter: Iterations);

    [Fact]
    public void MutatedCommands_NeverThrow_AndGiveCommandOrError() =>
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var line = CommandCases.Mutate(CommandCases.Valid(random).Line, random);
            AssertTotal(CommandParser.Parse("/incident", line), line);
            AssertTotal(CommandParser.ParseLine("incident " + line), line);
            AssertTotal(CommandParser.Parse("/ticket", line), line);
            AssertTotal(CommandParser.Parse("/escalate", line), line);
        }, iter: Iterations);

    [Fact]
    public void ValidCommands_RoundTrip_InBothEntryPoints() =>
        Gen.Int.Sample(seed =>
        {
            var (line, expected) = CommandCases.Valid(new Random(seed));
            var slash = CommandParser.Parse("/incident", line);
            var chat = CommandParser.ParseLine("incident " + line);
            if (slash.Command != expected || chat.Command != expected)
                throw new Xunit.Sdk.XunitException($"'{line}' gave {slash} and {chat}, expected {expected}");
        }, iter: Iterations);

    [Fact]
    public void Ack_AnyNumber_RoundTrips() =>
        Gen.Int[1, int.MaxValue].Sample(n =>
            CommandParser.Parse("/incident", $"ack {n}").Command == new AcknowledgeCommand(n), iter: Iterations);

    [Fact]
    public void HugeInput_IsRefusedQuickly()
    {
        var huge = string.Concat(Enumerable.Repeat("update INC-7 <at>x ", 100_000));

        var result = CommandParser.ParseLine(huge);

        result.Error.Should().Contain("too long");
    }

    private static void AssertTotal(ParseResult result, string input)
    {
        if (result is null || (result.Command is null) == (result.Error is null) || result.Ok != (result.Command is not null))
            throw new Xunit.Sdk.XunitException($"Not exactly one of command/error for '{input}': {result}");
        if (result.Error is { } error && (error.Length == 0 || error == CommandParser.InternalError))
            throw new Xunit.Sdk.XunitException($"Internal error or empty error for '{input}': {error}");
    }
}
