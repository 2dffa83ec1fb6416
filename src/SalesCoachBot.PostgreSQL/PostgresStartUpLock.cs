using Npgsql;

namespace SalesCoachBot.PostgreSQL;

/// <summary>
/// A session-level advisory lock held while one host upgrades the schema: hosts starting together wait
/// their turn. It lives on its own connection and ends with it, also when the host dies.
/// </summary>
public sealed class PostgresStartUpLock : IAsyncDisposable
{
    private const long Key = 0x5A1E5C0AC4; // "salescoach"
    private readonly NpgsqlConnection connection;

    private PostgresStartUpLock(NpgsqlConnection connection) => this.connection = connection;

    public static async Task<PostgresStartUpLock> TakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new PostgresStartUpLock(connection);
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync(); // closing the session releases the lock
}
