using Quartz;

namespace SalesCoachBot.Crm;

/// <summary>Reads what changed in the CRM since the last pull. A CRM that refuses or is down is logged once; chat goes on.</summary>
[DisallowConcurrentExecution]
public sealed class CrmPullJob(CrmPull pull, CrmProblems problems) : IJob
{
    public static readonly JobKey Key = new("crm-pull");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await pull.PullAsync(full: false, cancellationToken);
            problems.Cleared();
        }
        catch (CrmException e)
        {
            problems.Report(e);
        }
    }
}
