using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;
using SalesCoachBot.Nudges;
using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;

namespace SalesCoachBot.Cli;

/// <summary>
/// <c>jobs preview --at 2026-12-07T09:00:00Z</c>: prints every nudge, check-in, reminder and digest that
/// would go out at that moment and to whom, without sending or recording anything.
/// </summary>
public static class JobsPreviewCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null)
    {
        var at = new CommandLine(args).Value("--at");
        if (at is null || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            await System.Console.Error.WriteLineAsync("Usage: jobs preview --at 2026-12-07T09:00:00Z   (an ISO 8601 moment; UTC unless it has an offset)");
            return 2;
        }

        try
        {
            var builder = ToolHost.CreateBuilder([], configure);
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedTime(moment)));
            using var host = builder.Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var plans = await scope.ServiceProvider.GetRequiredService<ProactiveRuns>().PreviewAsync(CancellationToken.None);
            await output.WriteLineAsync($"At {moment.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {plans.Count} message{(plans.Count == 1 ? "" : "s")} would go out:");
            foreach (var plan in plans)
                await output.WriteLineAsync($"\n— {plan.Kind.Name()} to {plan.RecipientName} ({plan.Channel})\n{ReplyText.Render(plan.Reply)}");
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or ContentException)
        {
            await System.Console.Error.WriteLineAsync($"SalesCoachBot cannot start: {e.Message}");
            return 1;
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
