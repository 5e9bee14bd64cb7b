using System;

namespace Grok.Chat;

/// <summary>Unix seconds as dates, without throwing on values a server should never send.</summary>
internal static class UnixTime
{
    private static readonly long s_max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>The date, or null for 0, a negative value, or one past year 9999.</summary>
    public static DateTimeOffset? ToDate(long seconds) => seconds > 0 && seconds <= s_max ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
