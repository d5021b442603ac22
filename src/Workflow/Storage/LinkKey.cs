using Microsoft.EntityFrameworkCore;

namespace Jivrus.IncidentBot.Workflow.Storage;

/// <summary>
/// A key the host generated for itself and keeps in the database, so every replica and every restart uses the same
/// one (the signing key of links when <c>Links:SigningKey</c> is not configured). One row per purpose.
/// </summary>
public sealed class LinkKey
{
    /// <summary>What the key is for, e.g. <see cref="LinkKeyStore.Signing"/>.</summary>
    public string Purpose { get; private set; } = "";

    /// <summary>The key as text (hex). A secret: never logged, never shown.</summary>
    public string Value { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private LinkKey()
    {
    }

    internal LinkKey(string purpose, string value, DateTimeOffset createdAt)
    {
        Purpose = purpose;
        Value = value;
        CreatedAt = createdAt;
    }

    internal static void Configure(ModelBuilder model) =>
        model.Entity<LinkKey>(e =>
        {
            e.ToTable("link_keys");
            e.HasKey(k => k.Purpose);
            e.Property(k => k.Purpose).HasMaxLength(40);
            e.Property(k => k.Value).HasMaxLength(200);
        });
}
