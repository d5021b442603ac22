using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Hosting;

/// <summary>
/// Validates every options section registered with <c>ValidateOnStart</c> right after the host is built, before the
/// database is prepared and before any background service runs, so a bad setting ends start-up with a sentence per
/// setting on stderr and exit code 1 instead of a stack trace from whichever service first used it.
/// </summary>
internal static partial class OptionsCheck
{
    public const string Prefix = "IncidentBot did not start: ";

    /// <summary>True when every section is usable; otherwise writes one line per bad setting to <paramref name="stderr"/>.</summary>
    public static bool Passes(IServiceProvider services, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(stderr);
        IReadOnlyList<string> problems;
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException ex)
        {
            problems = [.. ex.Failures];
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            problems = [.. ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
        catch (InvalidOperationException ex) when (Unconvertible(ex.Message) is { } setting)
        {
            problems = [Sentence(setting.Key, setting.Type, services.GetRequiredService<IConfiguration>()[setting.Key])];
        }

        foreach (var problem in problems)
            stderr.WriteLine(Prefix + problem);
        return false;
    }

    /// <summary>The configuration binder's complaint about a value it could not convert, as key and target type.</summary>
    internal static (string Key, string Type)? Unconvertible(string message) =>
        BinderFailure().Match(message) is { Success: true } match ? (match.Groups["key"].Value, match.Groups["type"].Value) : null;

    /// <summary>Only settings of non-string types fail to convert, so the value quoted is never a secret.</summary>
    internal static string Sentence(string key, string type, string? value) =>
        $"{key} must be {Accepted(type)}; it is '{value}'.";

    private static string Accepted(string type)
    {
        var underlying = Type.GetType(type) is { } known ? Nullable.GetUnderlyingType(known) ?? known : null;
        return underlying switch
        {
            null => "a value of type " + type,
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(int) || underlying == typeof(long) => "a whole number",
            _ when underlying == typeof(TimeSpan) => "a duration such as 00:00:30",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(underlying)),
            _ => "a value of type " + underlying.Name,
        };
    }

    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex BinderFailure();
}
