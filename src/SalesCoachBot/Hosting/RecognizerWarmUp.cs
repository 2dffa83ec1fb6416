using SalesCoachBot.Understanding;
using SalesCoachBot.Understanding.Learning;

namespace SalesCoachBot.Hosting;

/// <summary>
/// The sentence model loads in seconds and Microsoft.Recognizers builds its tables on first use; doing both
/// at start-up, off the request path (in its turn on the <see cref="StartUpLane"/>), spares the first rep's message
/// that wait. What reps taught the bot before (on any host) is loaded here too.
/// </summary>
internal sealed class RecognizerWarmUp(IServiceProvider services, StartUpLane lane, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<RecognizerWarmUp> logger) : StartUpLaneWork(lane, StartUpWork.Understanding, lifetime, logger)
{
    // On a thread-pool thread of its own: loading the model is seconds of CPU with no await.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => WarmUpAsync(stoppingToken), CancellationToken.None);

    private async Task WarmUpAsync(CancellationToken stoppingToken)
    {
        // Made here, not when the host makes this service: building the recognizers' tables is part of the warm-up.
        var (amounts, dates, model) = (services.GetRequiredService<AmountRecognizer>(), services.GetRequiredService<DateRecognizer>(), services.GetRequiredService<UnderstandingModel>());
        // No currency the recognizer knows by name, so the currency model behind it is warmed too.
        amounts.Find("new deal Acme 45,000 pesos");
        dates.Find("called Acme yesterday, demo next Tuesday 3pm", time.GetLocalNow().DateTime, DateLean.Past);
        model.Warm();
        model.Embed("called Acme yesterday");
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LearnedExamples>().LoadIntoModelAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not load the phrasings reps taught: {Problem}", e.Message);
        }
    }
}
