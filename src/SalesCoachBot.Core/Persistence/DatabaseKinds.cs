using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SalesCoachBot.Persistence;

public static class DatabaseKinds
{
    public const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static bool IsPostgres(this DatabaseFacade database) => database.ProviderName == PostgresProvider;
}
