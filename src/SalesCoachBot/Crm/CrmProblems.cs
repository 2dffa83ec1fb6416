namespace SalesCoachBot.Crm;

/// <summary>Logs a CRM failure once, not at every pull: a wrong token is one line in the log, and chat goes on.</summary>
public sealed class CrmProblems(ILogger<CrmProblems> logger)
{
    private string? last;

    public void Report(CrmException e)
    {
        if (Interlocked.Exchange(ref last, e.Message) != e.Message)
            logger.LogError("CRM sync paused: {Error}", e.Message);
    }

    public void Cleared()
    {
        if (Interlocked.Exchange(ref last, null) is not null)
            logger.LogInformation("CRM sync works again");
    }
}
