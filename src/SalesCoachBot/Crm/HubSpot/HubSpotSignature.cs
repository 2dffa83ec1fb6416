using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SalesCoachBot.Crm.HubSpot;

/// <summary>
/// HubSpot's v3 request signature: base64 HMAC-SHA256, keyed with the app's client secret, over method, URI, raw body
/// and the request timestamp (ms), compared in constant time; a timestamp older than five minutes is refused (replays).
/// </summary>
public static class HubSpotSignature
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static bool IsValid(string clientSecret, string method, string uri, string body, string? timestamp, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || now - DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(ms, 0, 253402300799999)) > MaxAge)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(clientSecret, method, uri, body, timestamp)), Encoding.ASCII.GetBytes(signature));
    }

    public static string Sign(string clientSecret, string method, string uri, string body, string timestamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(method + uri + body + timestamp)));
}
