namespace SalesCoachBot.Channels.Slack;

/// <summary>Slack answered <c>ok: false</c> or an HTTP error; <see cref="Error"/> is its error code (e.g. <c>channel_not_found</c>, <c>http_429</c>).</summary>
public sealed class SlackApiException(string method, string error) : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;

    /// <summary>The wait Slack asked for in its Retry-After header, if it gave one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
