using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SalesCoachBot.Tests.Infrastructure;

/// <summary>
/// The Bot Framework's token issuer on 127.0.0.1: its OpenID metadata and signing keys (JWKS, with the channels each
/// key is endorsed for), and tokens in the shape the Bot Connector sends. The bot is pointed at it by the Bot
/// Framework's own settings (<see cref="Settings"/>: <c>ToBotFromChannelOpenIdMetadataUrl</c> and the rest of the
/// public cloud's values).
/// </summary>
/// <remarks>
/// The Bot Framework (4.23) fetches the metadata through a static HttpClient of its own that insists on HTTPS, and keeps
/// one metadata and one endorsements manager per metadata URL for the life of the process. This server's URL is new
/// for each instance, and its two managers are registered in that per-URL cache before the bot starts, the same as the
/// Bot Framework makes them except that plain HTTP to this loopback address is allowed. Everything after that (when to
/// fetch, signature, issuer, lifetime, audience, endorsement and service URL checks) is the Bot Framework's own.
/// </remarks>
public sealed class FakeBotFrameworkLogin : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "test-signing-key";

    private readonly WebApplication app;
    private readonly RSA signingKey = RSA.Create(2048);
    private readonly HttpClient http = new();
    private int metadataFetches, keyFetches;

    private FakeBotFrameworkLogin(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    /// <summary>How many times the metadata and the keys were fetched.</summary>
    public int MetadataFetches => metadataFetches;
    public int KeyFetches => keyFetches;

    /// <summary>While set, the metadata and the keys are answered with this status.</summary>
    public int? Failing { get; set; }

    public static async Task<FakeBotFrameworkLogin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var login = new FakeBotFrameworkLogin(builder.Build());
        login.app.MapGet("/v1/.well-known/openidconfiguration", login.Metadata);
        login.app.MapGet("/v1/keys", login.Keys);
        await login.app.StartAsync();
        login.BaseUrl = login.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        login.RegisterWithTheBotFramework();
        return login;
    }

    private IResult Metadata()
    {
        Interlocked.Increment(ref metadataFetches);
        return Failing is { } status ? Results.StatusCode(status) : Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = BaseUrl + "/v1/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        });
    }

    private IResult Keys()
    {
        Interlocked.Increment(ref keyFetches);
        if (Failing is { } status)
            return Results.StatusCode(status);
        var published = signingKey.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", kid = KeyId, n = Base64UrlEncoder.Encode(published.Modulus), e = Base64UrlEncoder.Encode(published.Exponent), endorsements = new[] { "msteams" } },
            },
        });
    }

    /// <summary>A Bearer header as the Bot Connector sends it: for an app id and a service URL, signed by the published key or by another with the same key id.</summary>
    public string Authorization(string audience, string serviceUrl, bool signedByUnknownKey = false, string issuer = Issuer)
    {
        using var unknown = RSA.Create(2048);
        var key = new RsaSecurityKey(signedByUnknownKey ? unknown : signingKey) { KeyId = KeyId };
        // The Bot Framework checks a token's lifetime against the machine's clock, not the bot's.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-5),
            Expires = now.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        return "Bearer " + token;
    }

    /// <summary>
    /// The Bot Framework's settings that send the bot here for the keys (the public cloud's values otherwise), for an
    /// app id, with the local Bot Connector's host allowed.
    /// </summary>
    public Dictionary<string, string> Settings(string appId) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = Issuer,
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = "https://api.botframework.com",
        ["CallerId"] = "urn:botframework:azure",
        ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
    };

    /// <summary>Stops answering: the keys cannot be fetched at all.</summary>
    public Task StopAsync() => app.StopAsync();

    private void RegisterWithTheBotFramework()
    {
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = false };
        var endorsements = new EndorsementsRetriever(http);
        PerUrlCache<OpenIdConnectConfiguration>("_openIdMetadataCache")[MetadataUrl] =
            new ConfigurationManager<OpenIdConnectConfiguration>(MetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
        PerUrlCache<IDictionary<string, HashSet<string>>>("_endorsementsCache")[MetadataUrl] =
            new ConfigurationManager<IDictionary<string, HashSet<string>>>(MetadataUrl, endorsements, endorsements);
    }

    private static ConcurrentDictionary<string, ConfigurationManager<T>> PerUrlCache<T>(string field) where T : class =>
        typeof(JwtTokenExtractor).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as ConcurrentDictionary<string, ConfigurationManager<T>>
        ?? throw new InvalidOperationException($"JwtTokenExtractor.{field} is gone: the Bot Framework changed how it caches OpenID metadata; update {nameof(FakeBotFrameworkLogin)}.");

    public async ValueTask DisposeAsync()
    {
        PerUrlCache<OpenIdConnectConfiguration>("_openIdMetadataCache").TryRemove(MetadataUrl, out _);
        PerUrlCache<IDictionary<string, HashSet<string>>>("_endorsementsCache").TryRemove(MetadataUrl, out _);
        await app.DisposeAsync();
        signingKey.Dispose();
        http.Dispose();
    }
}
