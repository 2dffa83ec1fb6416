using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Quartz;
using SalesCoachBot.Crm.HubSpot;
using SalesCoachBot.Crm.Salesforce;
using SalesCoachBot.Deals;
using SalesCoachBot.Hosting;
using SalesCoachBot.Persistence;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Crm;

public static class CrmSetup
{
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The CRM named by <c>Crm:Provider</c>: its client, and every chat change queued for it. Nothing with <c>None</c>.</summary>
    public static IHostApplicationBuilder AddCrm(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrmOptions>().BindConfiguration(CrmOptions.Section)
            .Validate(o => !o.Enabled || o.IsHubSpot || o.IsSalesforce, "Crm:Provider must be None (default), HubSpot or Salesforce.")
            .Validate(o => o.SyncMinutes is >= 1 and <= 1440, "Crm:SyncMinutes must be between 1 and 1440.")
            .Validate(o => !o.IsHubSpot || !string.IsNullOrWhiteSpace(o.HubSpot.AccessToken),
                "Crm:HubSpot:AccessToken is empty: give the private app's access token (environment Crm__HubSpot__AccessToken or user secrets).")
            .Validate(o => !o.IsHubSpot || Uri.TryCreate(o.HubSpot.BaseUrl, UriKind.Absolute, out _), "Crm:HubSpot:BaseUrl must be an absolute URL such as https://api.hubapi.com.")
            .Validate(o => o.HubSpot.WebhookUrl.Length == 0 || Uri.TryCreate(o.HubSpot.WebhookUrl, UriKind.Absolute, out _),
                "Crm:HubSpot:WebhookUrl must be the absolute URL HubSpot calls, e.g. https://coach.example.com/api/crm/hubspot/webhook.")
            .Validate(o => !o.IsSalesforce || (Uri.TryCreate(o.Salesforce.InstanceUrl, UriKind.Absolute, out _) && o.Salesforce.ClientId.Length > 0 && o.Salesforce.ClientSecret.Length > 0),
                "Crm:Salesforce:InstanceUrl (https://<your domain>.my.salesforce.com), Crm:Salesforce:ClientId and Crm:Salesforce:ClientSecret are needed with Salesforce.")
            .Validate(o => o.Stages.Values.All(s => Enum.TryParse<DealStage>(s, ignoreCase: true, out _)),
                $"Crm:Stages maps a CRM stage id to one of {string.Join(", ", Enum.GetNames<DealStage>())}.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(CrmOptions.Section).Get<CrmOptions>() ?? new();
        if (!options.Enabled)
            return builder;

        if (options.IsSalesforce)
        {
            AddClient(builder, SalesforceApi.HttpClientName);
            builder.Services.AddSingleton<SalesforceApi>();
            builder.Services.AddSingleton<ICrmClient, SalesforceClient>();
        }
        else
        {
            AddClient(builder, HubSpotApi.HttpClientName);
            builder.Services.AddSingleton<HubSpotApi>();
            builder.Services.AddSingleton<ICrmClient, HubSpotClient>();
        }
        var defaults = options.IsSalesforce ? CrmStageMap.SalesforceDefaults : CrmStageMap.HubSpotDefaults;
        builder.Services.AddSingleton(services => new CrmStageMap(defaults,
            services.GetRequiredService<IOptions<CrmOptions>>().Value.Stages.ToDictionary(p => p.Key, p => Enum.Parse<DealStage>(p.Value, ignoreCase: true))));
        builder.Services.AddSingleton(services => new CrmSettings(services.GetRequiredService<ICrmClient>().Name,
            services.GetRequiredService<IOptions<SalesCoachOptions>>().Value.DefaultCurrency.ToUpperInvariant()));
        builder.Services.AddCrmSync();
        builder.Services.AddSingleton<CrmProblems>();
        builder.Services.ConfigureDbContext<SalesCoachDbContext>((services, db) => db.AddInterceptors(services.GetRequiredService<CrmChangeCapture>()));
        return builder;
    }

    private static void AddClient(IHostApplicationBuilder builder, string name) =>
        builder.Services.AddHttpClient(name).AddResilienceHandler("crm-api", pipeline => pipeline
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                // A 429 goes back to the caller, which waits as long as the CRM's headers say (the write stays queued).
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests),
            })
            .AddTimeout(AttemptTimeout));

    /// <summary>On a running bot: the webhook's reads, the incremental pull every <c>Crm:SyncMinutes</c> (on one host of a cluster) and the push worker (on each).</summary>
    public static IHostApplicationBuilder AddCrmWorkers(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CrmOptions.Section).Get<CrmOptions>() ?? new();
        var scheduler = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new();
        if (!options.Enabled)
            return builder;
        builder.Services.AddSingleton<HubSpot.HubSpotWebhookReads>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HubSpot.HubSpotWebhookReads>());
        if (!scheduler.Enabled)
            return builder;
        builder.Services.AddHostedService<CrmPushWorker>();
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<CrmPullJob>(j => j.WithIdentity(CrmPullJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(CrmPullJob.Key).WithIdentity("crm-pull").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(options.SyncMinutes)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        return builder;
    }
}
