using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Crm;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Cli;

/// <summary><c>crm sync [--full]</c> and <c>crm status</c>: the CRM of record, pulled now and looked at.</summary>
public static class CrmCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output, error));

    public static Command Create(ToolHost tools, TextWriter output, TextWriter error)
    {
        var full = new Option<bool>("--full") { Description = "Read owners, the pipeline and every open deal (and those closed in the last year), not only what changed" };
        var sync = new Command("sync", "Write the chat changes waiting for the CRM, then read the CRM's deals") { full };
        sync.SetAction(result => RunAsync(tools, error, (services, cancellationToken) => SyncAsync(services, result.GetValue(full), output, cancellationToken)));
        var status = new Command("status", "The CRM, the last pull, writes waiting or refused, and the rate limit left");
        status.SetAction(_ => RunAsync(tools, error, (services, cancellationToken) => StatusAsync(services, output, error, cancellationToken)));
        return new Command("crm", "The CRM of record (Crm:Provider): HubSpot or Salesforce") { sync, status };
    }

    private static async Task<int> RunAsync(ToolHost tools, TextWriter error, Func<IServiceProvider, CancellationToken, Task<int>> run)
    {
        try
        {
            var builder = tools.CreateBuilder();
            // What went wrong is the one line below; the HTTP calls and retries behind it (Polly logs a failed attempt as an error) stay out of the way.
            foreach (var category in new[] { "System.Net.Http.HttpClient", "Polly", "SalesCoachBot.Crm" })
                builder.Logging.AddFilter(category, LogLevel.None);
            using var host = builder.Build();
            await host.PrepareAsync();
            if (!host.Services.GetRequiredService<IOptions<CrmOptions>>().Value.Enabled)
            {
                await error.WriteLineAsync("No CRM is set: Crm:Provider is None. Set it to HubSpot or Salesforce (see docs/crm.md).");
                return 1;
            }
            await using var scope = host.Services.CreateAsyncScope();
            return await run(scope.ServiceProvider, CancellationToken.None);
        }
        catch (CrmException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is OptionsValidationException or ContentException)
        {
            await error.WriteLineAsync($"SalesCoachBot cannot start: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> SyncAsync(IServiceProvider services, bool full, TextWriter output, CancellationToken cancellationToken)
    {
        var push = services.GetRequiredService<CrmPush>();
        var pushed = 0;
        for (int round; (round = await push.PushDueAsync(cancellationToken)) > 0;)
            pushed += round;
        var crm = services.GetRequiredService<ICrmClient>().Name;
        var pulled = await services.GetRequiredService<CrmPull>().PullAsync(full, cancellationToken);
        await output.WriteLineAsync($"Wrote {pushed} chat changes to {crm}. Read {pulled.Read} deals: {pulled.Created} new here, {pulled.Updated} changed, " +
            $"{pulled.Archived} archived (gone from {crm}), {pulled.Skipped} skipped (owner without e-mail), {pulled.Conflicts} chat changes overtaken.");
        return 0;
    }

    private static async Task<int> StatusAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SalesCoachDbContext>();
        var client = services.GetRequiredService<ICrmClient>();
        var crm = client.Name;
        var state = await db.CrmSyncStates.AsNoTracking().FirstOrDefaultAsync(s => s.Provider == crm, cancellationToken);
        var pending = await db.CrmWrites.CountAsync(w => w.DoneAt == null && w.FailedAt == null, cancellationToken);
        var failed = await db.CrmWrites.Include(w => w.Deal).AsNoTracking().Where(w => w.FailedAt != null)
            .OrderByDescending(w => w.Id).Take(20).ToListAsync(cancellationToken);
        await output.WriteLineAsync($"CRM: {crm}");
        await output.WriteLineAsync($"Last pull: {When(state?.LastPullAt)}; last full pull: {When(state?.LastFullPullAt)}");
        if (state?.LastError is { } lastError)
            await output.WriteLineAsync($"Last error: {lastError}");
        await output.WriteLineAsync($"Writes waiting: {pending}; refused: {await db.CrmWrites.CountAsync(w => w.FailedAt != null, cancellationToken)}");
        var retrying = await db.CrmWrites.Include(w => w.Deal).AsNoTracking().Where(w => w.DoneAt == null && w.FailedAt == null && w.LastError != null)
            .OrderBy(w => w.Id).Take(20).ToListAsync(cancellationToken);
        foreach (var write in retrying)
            await output.WriteLineAsync($"  waiting  {write.Deal?.Name}: {write.LastError}; next try {When(write.NextAttemptAt)}");
        foreach (var write in failed)
            await output.WriteLineAsync($"  refused  {When(write.FailedAt)}  {write.Deal?.Name}: {write.LastError}");
        await output.WriteLineAsync(state?.RateLimitRemaining is { } left
            ? $"Rate limit: {left} of {state.RateLimitMax?.ToString(CultureInfo.InvariantCulture) ?? "?"} calls left per {state.RateLimitWindow} (at {When(state.RateLimitAt)})"
            : "Rate limit: not reported yet");
        try
        {
            // Asked now, not from the last pull: a token or URL changed since shows here.
            await client.StagesAsync(cancellationToken);
            await output.WriteLineAsync($"{crm} answers: yes");
            return 0;
        }
        catch (CrmException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static string When(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "never";
}
