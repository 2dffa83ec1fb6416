namespace SalesCoachBot.Reps;

/// <summary>
/// An e-mail address the way reps are stored and looked up by it: trimmed and lower-cased, so "Alice@Example.com "
/// from a channel, a setting, a chat command or a CRM export finds the same rep.
/// </summary>
public static class EmailAddress
{
    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    /// <summary>Whether the text is meant as an address rather than a name ("Darcel Schlecht").</summary>
    public static bool IsAddress(string text) => text.Contains('@');
}
