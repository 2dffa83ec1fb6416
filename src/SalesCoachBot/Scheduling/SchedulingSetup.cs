using Microsoft.Extensions.Options;
using Quartz;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Scheduling;

public static class SchedulingSetup
{
    /// <summary>How often a clustered host tells the others it is alive; one silent for twice that is taken over.</summary>
    public static readonly TimeSpan ClusterCheckIn = TimeSpan.FromSeconds(7.5);

    /// <summary>What the jobs decide and compose; needed by the scheduler and by "jobs preview".</summary>
    public static IHostApplicationBuilder AddSchedulerPlanning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section)
            .Validate(o => SchedulerOptions.IsTime(o.WorkdayStart) && SchedulerOptions.IsTime(o.WorkdayEnd) && SchedulerOptions.IsTime(o.CheckInTime),
                "Scheduler:WorkdayStart, Scheduler:WorkdayEnd and Scheduler:CheckInTime must be times like 09:00.")
            .Validate(o => o.MaxNudgesPerDay is >= 1 and <= 50, "Scheduler:MaxNudgesPerDay must be between 1 and 50.")
            .Validate(o => o.SweepMinutes is >= 1 and <= 1440, "Scheduler:SweepMinutes must be between 1 and 1440.")
            .Validate(o => o.EscalateAfter is >= 1 and <= 100, "Scheduler:EscalateAfter must be between 1 and 100 (times a stage's stall threshold).")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var o = services.GetRequiredService<IOptions<SchedulerOptions>>().Value;
            return new SchedulerSettings(o.MaxNudgesPerDay, SchedulerOptions.Time(o.WorkdayStart), SchedulerOptions.Time(o.WorkdayEnd), o.Weekends, o.CheckInDay, SchedulerOptions.Time(o.CheckInTime))
            {
                EscalateAfter = o.EscalateAfter,
            };
        });
        return builder;
    }

    /// <summary>Quartz with its persistent store in the bot's database, the jobs, and the outbox dispatcher.</summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder)
    {
        builder.AddSchedulerPlanning();
        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new();
        if (!options.Enabled)
            return builder;

        builder.Services.AddSingleton<IScheduleChanges, QuartzScheduleChanges>();
        builder.Services.AddHostedService<OutboxWorker>();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var connectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName)!;
        builder.Services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                if (storage.IsPostgres)
                {
                    // Every host runs a scheduler on the one database; each trigger fires on one of them,
                    // and a host that stops checking in has its jobs taken over by another.
                    store.UsePostgres(connectionString);
                    store.UseClustering(c => (c.CheckinInterval, c.CheckinMisfireThreshold) = (ClusterCheckIn, 2 * ClusterCheckIn));
                    q.ConfigureScheduler(s => s.IdleWaitTime = ClusterCheckIn); // a schedule another host changed is seen this soon
                }
                else
                    store.UseSqlite(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseExecutionHistory(); // one history of what ran where, for every host
                store.ProvisionSchema();
            });
            q.ConfigureScheduler(s => s.InstanceId = storage.InstanceId is { Length: > 0 } id ? id : Environment.MachineName);
            // A missed sweep is not made up (the next one covers it); a missed hourly check-in sweep runs once.
            q.AddJob<StallSweepJob>(j => j.WithIdentity(StallSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(StallSweepJob.Key).WithIdentity("stall-sweep").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(options.SweepMinutes)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<CheckInSweepJob>(j => j.WithIdentity(CheckInSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(CheckInSweepJob.Key).WithIdentity("check-in-sweep")
                .WithCronSchedule("0 5 * * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<ScheduleSyncJob>(j => j.WithIdentity(ScheduleSyncJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(ScheduleSyncJob.Key).WithIdentity("schedule-sync").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(10)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<FollowUpReminderJob>(j => j.WithIdentity(FollowUpReminderJob.Key).StoreDurably());
            q.AddJob<DigestJob>(j => j.WithIdentity(DigestJob.Key).StoreDurably());
        });
        builder.Services.AddStartUpLaneWork<SchedulerLifetime>();
        return builder;
    }
}
