namespace SalesCoachBot.Channels.Slack;

/// <summary>Slack answered <c>ok: false</c>; <see cref="Error"/> is its error code (e.g. <c>channel_not_found</c>).</summary>
public sealed class SlackApiException(string method, string error) : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;
}
