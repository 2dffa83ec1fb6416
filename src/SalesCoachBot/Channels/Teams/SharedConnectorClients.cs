using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace SalesCoachBot.Channels.Teams;

/// <summary>
/// The Bot Framework's authentication with one Bot Connector client kept per bot, service URL and audience.
/// Out of the box CloudAdapter builds a new connector client for every turn and disposes it afterwards: a new
/// HttpClient (so a new TCP and TLS connection to the Bot Connector) and a new JSON contract resolver (so the
/// reply's serialisation is compiled again) each time. Here the first turn for a service URL builds the client
/// with the Bot Framework's own factory and every later turn reuses it; the adapter's dispose is ignored.
/// The same goes for the user-token client the adapter also makes every turn.
/// </summary>
public sealed class SharedConnectorClients : BotFrameworkAuthentication
{
    /// <summary>Service URLs are few (one per Teams region); past this many the clients are built per turn again.</summary>
    internal const int MaxClients = 256;

    private readonly BotFrameworkAuthentication inner;
    private readonly ConcurrentDictionary<(string Bot, string ServiceUrl, string? Audience), Lazy<Task<IConnectorClient>>> connectors = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<UserTokenClient>>> userTokens = new();

    public SharedConnectorClients(BotFrameworkAuthentication inner) => this.inner = inner;

    /// <summary>How many connector clients were built (not reused): one per bot, service URL and audience.</summary>
    public int ConnectorsBuilt => connectorsBuilt;

    private int connectorsBuilt;

    /// <summary>
    /// One HTTP connection pool for every Bot Connector call, recycling connections every few minutes so a
    /// changed DNS entry is seen without a restart.
    /// </summary>
    public static IHttpClientFactory PooledHttp { get; } = new PooledHttpClients();

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Shared(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Shared(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new Factory(this, inner.CreateConnectorFactory(claimsIdentity), BotOf(claimsIdentity));

    public override async Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var bot = BotOf(claimsIdentity);
        if (userTokens.Count >= MaxClients && !userTokens.ContainsKey(bot))
            return await inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);
        var client = userTokens.GetOrAdd(bot, _ => new Lazy<Task<UserTokenClient>>(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));
        try
        {
            return new KeptUserTokenClient(await client.Value);
        }
        catch
        {
            userTokens.TryRemove(new KeyValuePair<string, Lazy<Task<UserTokenClient>>>(bot, client));
            throw;
        }
    }

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Shared(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory && result.ClaimsIdentity is { } identity)
            result.ConnectorFactory = new Factory(this, factory, BotOf(identity));
        return result;
    }

    // The bot the claims speak for, as the Bot Framework's own factories read it (audience, then app id).
    private static string BotOf(ClaimsIdentity identity) =>
        (identity.FindFirst(AuthenticationConstants.AudienceClaim)?.Value ?? "") + "|" + (identity.FindFirst(AuthenticationConstants.AppIdClaim)?.Value ?? "");

    private async Task<IConnectorClient> ConnectorAsync(ConnectorFactory factory, string bot, string serviceUrl, string? audience, CancellationToken cancellationToken)
    {
        var key = (bot, serviceUrl, audience);
        if (connectors.Count >= MaxClients && !connectors.ContainsKey(key))
            return await factory.CreateAsync(serviceUrl, audience, cancellationToken);
        var client = connectors.GetOrAdd(key, _ => new Lazy<Task<IConnectorClient>>(() =>
        {
            Interlocked.Increment(ref connectorsBuilt);
            return factory.CreateAsync(serviceUrl, audience, CancellationToken.None);
        }));
        try
        {
            return new KeptConnectorClient(await client.Value);
        }
        catch
        {
            connectors.TryRemove(new KeyValuePair<(string, string, string?), Lazy<Task<IConnectorClient>>>(key, client));
            throw;
        }
    }

    private sealed class Factory(SharedConnectorClients owner, ConnectorFactory inner, string bot) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            owner.ConnectorAsync(inner, bot, serviceUrl, audience, cancellationToken);
    }

    /// <summary>A shared connector client as the adapter sees it for one turn: its dispose at the end of the turn keeps the client.</summary>
    private sealed class KeptConnectorClient(IConnectorClient inner) : IConnectorClient
    {
        public Uri BaseUri { get => inner.BaseUri; set => inner.BaseUri = value; }
        public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;
        public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;
        public ServiceClientCredentials Credentials => inner.Credentials;
        public IAttachments Attachments => inner.Attachments;
        public IConversations Conversations => inner.Conversations;

        public void Dispose()
        {
        }
    }

    /// <summary>A shared user-token client whose dispose at the end of the turn keeps it.</summary>
    private sealed class KeptUserTokenClient(UserTokenClient inner) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            inner.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            inner.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            inner.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            inner.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            inner.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            inner.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        protected override void Dispose(bool disposing)
        {
        }
    }

    private sealed class PooledHttpClients : IHttpClientFactory
    {
        private readonly SocketsHttpHandler handler = new()
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };

        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
