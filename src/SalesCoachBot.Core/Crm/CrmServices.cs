using Microsoft.Extensions.DependencyInjection;

namespace SalesCoachBot.Crm;

public static class CrmServices
{
    /// <summary>Pulling from and pushing to a CRM. The caller registers the <see cref="ICrmClient"/>, the <see cref="CrmStageMap"/> and <see cref="CrmSettings"/>.</summary>
    public static IServiceCollection AddCrmSync(this IServiceCollection services) => services
        .AddSingleton<CrmSignal>()
        .AddSingleton<CrmChangeCapture>()
        .AddSingleton<CrmCatalog>()
        .AddSingleton<CrmDealFields>()
        .AddSingleton<CrmPush>()
        .AddScoped<CrmPull>();
}
