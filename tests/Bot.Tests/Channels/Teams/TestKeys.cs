using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jivrus.IncidentBot.Bot.Tests.Channels.Teams;

/// <summary>A test RSA key published as OpenID metadata + JWKS, and tokens the Bot Connector would send, signed by it.</summary>
internal sealed class TestKeys
{
    public const string JwksUrl = "https://login.test/keys";
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "test-key-1";
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = KeyId };

    public string Metadata() => new JsonObject
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = JwksUrl,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    }.ToJsonString();

    public string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["alg"] = "RS256",
                ["endorsements"] = new JsonArray("msteams", "emulator"),
                ["n"] = jwk.N,
                ["e"] = jwk.E,
            }),
        }.ToJsonString();
    }

    public string Token(TokenSpec spec)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            IssuedAt = now.AddMinutes(-1) + spec.Shift,
            NotBefore = now.AddMinutes(-1) + spec.Shift,
            Expires = now.AddMinutes(30) + spec.Shift,
            Subject = new ClaimsIdentity([new Claim("serviceurl", spec.ServiceUrl)]),
            SigningCredentials = new SigningCredentials(spec.ForeignKey ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId } : _key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

/// <summary>What a test token says; the defaults make a valid one for <see cref="TeamsHost.AppId"/>.</summary>
internal sealed record TokenSpec(string Audience, string Issuer = TestKeys.Issuer, string ServiceUrl = FakeBotFramework.ServiceUrl, TimeSpan Shift = default, bool ForeignKey = false);
