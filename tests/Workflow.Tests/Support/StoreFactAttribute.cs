using Xunit.Abstractions;
using Xunit.Sdk;

namespace Jivrus.IncidentBot.Workflow.Tests.Support;

/// <summary>Marks a test class whose facts run against PostgreSQL, so <see cref="StoreFactAttribute"/> skips them when it is off.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnPostgresAttribute : Attribute;

/// <summary>
/// A fact of an abstract test class run against several stores: it runs like a <see cref="FactAttribute"/>, and is
/// skipped (as a <see cref="PostgresFactAttribute"/> is) in a class marked <see cref="OnPostgresAttribute"/> while
/// PostgreSQL tests are off.
/// </summary>
[XunitTestCaseDiscoverer("Jivrus.IncidentBot.Workflow.Tests.Support.StoreFactDiscoverer", "Jivrus.IncidentBot.Workflow.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        var skipped = testMethod.TestClass.Class.GetCustomAttributes(typeof(OnPostgresAttribute)).Any()
            && string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString);
        yield return skipped
            ? new PostgresOffTestCase(diagnostics, display, options, testMethod)
            : new XunitTestCase(diagnostics, display, options, testMethod);
    }
}

/// <summary>A store fact on PostgreSQL while its tests are off: skipped, saying why.</summary>
public sealed class PostgresOffTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public PostgresOffTestCase()
    {
    }

    public PostgresOffTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnostics, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        $"PostgreSQL tests are off: set {PostgresFactAttribute.Variable} to a connection string (.ci/run does).";
}
