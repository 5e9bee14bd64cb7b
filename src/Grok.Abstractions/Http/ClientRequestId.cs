using System;
using System.Buffers.Binary;
using System.Threading;

namespace Grok.Http;

/// <summary>
/// Ids for <c>x-client-request-id</c>: unique per call, GUID-shaped. Half is random once per process, half a per-call
/// counter scrambled by a bijection (an odd multiplier and a random mask), so ids never repeat within a process and do
/// not look sequential. <see cref="Guid.NewGuid"/> asks the kernel for random bytes on every call (a system call on
/// Linux, the largest single cost of the client's own send path in a profile); an id needs uniqueness, not secrecy.
/// </summary>
internal static class ClientRequestId
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15; // odd: multiplying by it permutes 64-bit values

    private static readonly ulong s_prefix = BitConverter.ToUInt64(Guid.NewGuid().ToByteArray(), 0);
    private static readonly ulong s_mask = BitConverter.ToUInt64(Guid.NewGuid().ToByteArray(), 8);
    private static long s_counter;

    /// <summary>Returns a new id (36 characters, GUID format).</summary>
    public static string Next()
    {
        var call = unchecked(((ulong)Interlocked.Increment(ref s_counter) * Multiplier) ^ s_mask);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, s_prefix);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], call);
        return new Guid(bytes).ToString();
    }
}
