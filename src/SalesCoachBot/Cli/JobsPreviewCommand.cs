using System.CommandLine.Parsing;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;
using SalesCoachBot.Outbox;
using SalesCoachBot.Replies;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Cli;

/// <summary>
/// <c>jobs preview --at 2026-12-07T09:00:00Z</c>: prints every nudge, check-in, reminder and digest that
/// would go out at that moment and to whom, and what is due but held because no channel can deliver it,
/// without sending or recording anything.
/// </summary>
public static class JobsPreviewCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var at = new Option<DateTimeOffset>("--at")
        {
            Description = "The moment to preview, ISO 8601 (2026-12-07T09:00:00Z); UTC unless it has an offset",
            HelpName = "MOMENT",
            Required = true,
            CustomParser = Moment,
        };
        var command = new Command("preview", "Print every nudge, check-in, reminder and digest that would go out at a moment, and to whom, and what is held and why, without sending anything") { at };
        command.SetAction(result => PreviewAsync(tools, result.GetRequiredValue(at), output));
        return command;
    }

    private static DateTimeOffset Moment(ArgumentResult result)
    {
        if (DateTimeOffset.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            return moment;
        result.AddError($"--at takes an ISO 8601 moment like 2026-12-07T09:00:00Z, not '{result.Tokens[0].Value}'.");
        return default;
    }

    private static async Task<int> PreviewAsync(ToolHost tools, DateTimeOffset moment, TextWriter output)
    {
        try
        {
            var builder = tools.CreateBuilder();
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedTime(moment)));
            using var host = builder.Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var runs = scope.ServiceProvider.GetRequiredService<ProactiveRuns>();
            IReadOnlyList<PlannedMessage> plans = [.. await runs.PreviewAsync(CancellationToken.None), .. await scope.ServiceProvider.GetRequiredService<TeamRuns>().PreviewAsync(CancellationToken.None)];
            var held = await runs.HeldAsync(CancellationToken.None);
            await output.WriteLineAsync($"At {moment.UtcDateTime:yyyy-MM-dd HH:mm} UTC, " + (plans.Count == 0 ? "nothing would go out."
                : $"{plans.Count} message{(plans.Count == 1 ? "" : "s")} would go out:"));
            foreach (var plan in plans)
                await output.WriteLineAsync($"\n— {plan.Kind.Name()} to {plan.RecipientName} ({plan.Channel})\n{ReplyText.Render(plan.Reply)}");
            if (held.Count > 0)
                await output.WriteLineAsync($"\n{held.Count} more due that no channel can deliver:");
            foreach (var message in held)
                await output.WriteLineAsync($"\n— {message.Kind.Name()} to {message.RecipientName}, held: {message.Why}\n{ReplyText.Render(message.Reply)}");
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
