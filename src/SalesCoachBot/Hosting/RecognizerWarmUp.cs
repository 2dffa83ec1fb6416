using SalesCoachBot.Understanding;

namespace SalesCoachBot.Hosting;

/// <summary>
/// Microsoft.Recognizers builds its tables on first use (about a third of a second); doing it at start-up,
/// off the request path, spares the first rep's message that wait.
/// </summary>
internal sealed class RecognizerWarmUp(AmountRecognizer amounts, DateRecognizer dates, TimeProvider time) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        // No currency the recognizer knows by name, so the currency model behind it is warmed too.
        amounts.Find("new deal Acme 45,000 pesos");
        dates.Find("called Acme yesterday, demo next Tuesday 3pm", time.GetLocalNow().DateTime, DateLean.Past);
    }, stoppingToken);
}
