using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Grok.Http;

namespace Grok.Tests;

/// <summary>The <c>x-client-request-id</c> values: GUID-shaped and never repeated, also across threads.</summary>
public sealed class ClientRequestIdTests
{
    [Fact]
    public void Ids_are_guids_and_unique_across_threads()
    {
        var ids = new ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                ids.Add(ClientRequestId.Next());
            }
        });

        Assert.Equal(200_000, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids.Take(1000), id => Assert.True(Guid.TryParseExact(id, "D", out _), id));
    }

    [Fact]
    public void Consecutive_ids_do_not_look_sequential()
    {
        var first = Guid.Parse(ClientRequestId.Next()).ToByteArray();
        var second = Guid.Parse(ClientRequestId.Next()).ToByteArray();

        // The process half is shared; the call half differs in more than its lowest byte.
        Assert.Equal(first[..8], second[..8]);
        Assert.True(first[8..].Zip(second[8..]).Count(pair => pair.First != pair.Second) > 1);
    }
}
