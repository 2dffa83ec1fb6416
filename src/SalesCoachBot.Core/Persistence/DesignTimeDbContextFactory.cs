using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SalesCoachBot.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the bot.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SalesCoachDbContext>
{
    public SalesCoachDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SalesCoachDbContext>().UseSqlite("Data Source=design.db").Options);
}
