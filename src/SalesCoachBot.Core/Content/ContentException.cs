namespace SalesCoachBot.Content;

/// <summary>A content file under <c>dialogs/</c> is missing or wrong; the message names file, line and problem.</summary>
public sealed class ContentException(string file, long line, string problem)
    : Exception(line > 0 ? $"{file}, line {line}: {problem}" : $"{file}: {problem}");
