using System.Security.Cryptography;
using System.Text;
using Jivrus.IncidentBot.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace Jivrus.IncidentBot.Bot.Links;

/// <summary>
/// The signing key: <c>Links:SigningKey</c> when configured, else the one generated once and kept in the database, so
/// links survive restarts and every replica accepts every other's. Read once, then held in memory.
/// </summary>
internal sealed class LinkKeyring(IOptions<LinkOptions> options, LinkKeyStore store)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    /// <summary>True when the key comes from configuration rather than the database.</summary>
    public bool Configured => !string.IsNullOrEmpty(options.Value.SigningKey);

    public async ValueTask<byte[]> KeyAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _key) is { } key)
            return key;
        await _loading.WaitAsync(ct);
        try
        {
            _key ??= Encoding.UTF8.GetBytes(Configured
                ? options.Value.SigningKey!
                : await store.GetOrCreateAsync(LinkKeyStore.Signing, Generate, ct));
            return _key;
        }
        finally
        {
            _loading.Release();
        }
    }

    // 32 random bytes as hex: as strong as the key an operator is asked to configure.
    private static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
