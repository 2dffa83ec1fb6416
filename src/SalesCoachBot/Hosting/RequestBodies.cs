namespace SalesCoachBot.Hosting;

public static class RequestBodies
{
    /// <summary>
    /// The whole body, or null when it is larger than <paramref name="maxBytes"/>: refused on its
    /// Content-Length before reading, and never buffered more than one chunk past the limit.
    /// </summary>
    public static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
