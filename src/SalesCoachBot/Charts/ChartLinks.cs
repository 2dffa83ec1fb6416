using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Forecast;
using SalesCoachBot.Persistence;

namespace SalesCoachBot.Charts;

/// <summary>Charts served by URL (<c>GET /charts/{token}.png</c>) under an unguessable token until they expire.</summary>
public sealed class ChartLinks(IDbContextFactory<SalesCoachDbContext> contexts, IOptions<ChartOptions> options, TimeProvider time)
{
    /// <summary>The chart's URL; null where no public URL is configured.</summary>
    public async Task<Uri?> PublishAsync(ManagerChart chart, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            return null;
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChartImages.Add(new ChartImage { Token = token, Png = ManagerChartImage.Render(chart), ExpiresAt = now + options.Value.ChartLifetime });
        await db.SaveChangesAsync(cancellationToken);
        await db.ChartImages.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        return new Uri($"{options.Value.PublicBaseUrl.TrimEnd('/')}/charts/{token}.png");
    }

    /// <summary>The PNG under this token; null when there is none or it expired.</summary>
    public async Task<byte[]?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > 64)
            return null;
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChartImages.AsNoTracking().Where(c => c.Token == token && c.ExpiresAt > now).Select(c => c.Png).FirstOrDefaultAsync(cancellationToken);
    }

    public static IEndpointRouteBuilder MapCharts(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/charts/{token}.png", async (string token, ChartLinks charts, CancellationToken cancellationToken) =>
            await charts.FindAsync(token, cancellationToken) is { } png ? Results.File(png, "image/png") : Results.NotFound());
        return endpoints;
    }
}
