using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Content;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Cli;

/// <summary><c>audit [--since DATE]</c>: changes to roles, teams and digest subscriptions, newest first, one line each.</summary>
public static class AuditCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, Action<IHostApplicationBuilder>? configure = null) =>
        BotCommandLine.InvokeAsync(args, output, configure, tools => Create(tools, output));

    public static Command Create(ToolHost tools, TextWriter output)
    {
        var since = new Option<DateOnly?>("--since") { Description = "First day, UTC (default: everything)", HelpName = "YYYY-MM-DD", CustomParser = Date };
        var command = new Command("audit", "Who changed roles, teams and digest subscriptions, when and where, newest first") { since };
        command.SetAction(result => AuditAsync(tools, result.GetValue(since), output));
        return command;
    }

    public static string Line(AuditEntry entry) =>
        $"{entry.At.UtcDateTime:yyyy-MM-dd HH:mm}Z  {entry.Actor}  {entry.Channel}{(entry.ConversationId is null ? "" : $":{entry.ConversationId}")}  {entry.Change}";

    private static DateOnly? Date(ArgumentResult result)
    {
        if (DateOnly.TryParseExact(result.Tokens[0].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        result.AddError("--since takes a date like 2026-03-01.");
        return null;
    }

    private static async Task<int> AuditAsync(ToolHost tools, DateOnly? since, TextWriter output)
    {
        try
        {
            using var host = tools.CreateBuilder().Build();
            await host.PrepareAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
            var audit = db.Audit.AsQueryable();
            if (since is { } day)
            {
                var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                audit = audit.Where(e => e.At >= from);
            }
            var entries = await audit.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync();
            if (entries.Count == 0)
                await output.WriteLineAsync(since is null ? "Nothing audited yet." : $"Nothing audited since {since:yyyy-MM-dd}.");
            foreach (var entry in entries)
                await output.WriteLineAsync(Line(entry));
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or ContentException)
        {
            await System.Console.Error.WriteLineAsync($"SalesCoachBot cannot start: {e.Message}");
            return 1;
        }
    }
}
