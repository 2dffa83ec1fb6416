using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SalesCoachBot.Channels.Slack;

/// <summary>
/// Slack's v0 request signature: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c> with the signing
/// secret, compared in constant time; a timestamp more than five minutes off is refused (replays).
/// </summary>
public static class SlackSignature
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static bool IsValid(string signingSecret, string? timestamp, string? signature, byte[] body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || !signature.StartsWith("v0=", StringComparison.Ordinal))
            return false;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            (now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).Duration() > MaxAge)
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(signingSecret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    public static string Sign(string signingSecret, string timestamp, byte[] body)
    {
        var basestring = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), basestring));
    }
}
