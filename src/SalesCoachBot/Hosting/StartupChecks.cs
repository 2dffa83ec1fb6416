using Microsoft.Extensions.Options;
using SalesCoachBot.Content;

namespace SalesCoachBot.Hosting;

public static class StartupChecks
{
    /// <summary>
    /// Everything that must hold before the first message: settings valid, sales content readable,
    /// database created or upgraded. Throws <see cref="OptionsValidationException"/> or
    /// <see cref="ContentException"/> with the setting or file at fault.
    /// </summary>
    public static async Task PrepareAsync(this IHost host)
    {
        var services = host.Services;
        services.GetService<IStartupValidator>()?.Validate();
        _ = services.GetRequiredService<SalesContent>();
        await services.PrepareDatabaseAsync();
    }
}
