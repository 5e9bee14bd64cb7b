using System;

namespace Grok;

/// <summary>The rule every token-paged listing follows.</summary>
internal static class Paging
{
    /// <summary>Whether to fetch another page: a token came back and it is not the one just used (a server bug would loop forever).</summary>
    public static bool HasNext(string? previousToken, string? nextToken)
        => !string.IsNullOrEmpty(nextToken) && !string.Equals(previousToken, nextToken, StringComparison.Ordinal);
}
