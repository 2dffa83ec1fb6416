namespace SalesCoachBot.Hosting;

/// <summary>The <c>Storage</c> section: which database engine holds deals, bot state and schedules.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "SalesCoach";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary><c>Sqlite</c> (default, a local file, one host) or <c>PostgreSQL</c> (one or more hosts).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>From <c>ConnectionStrings:SalesCoach</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>This host's name among the hosts sharing the database; default the machine name. Unique per host, stable across its restarts.</summary>
    public string? InstanceId { get; set; }

    public bool IsPostgres => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);
}
