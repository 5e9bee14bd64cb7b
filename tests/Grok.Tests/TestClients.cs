using System;

namespace Grok.Tests;

internal static class TestClients
{
    public const string Key = "xai-test-key-0123456789";

    public static GrokClientOptions Options(LoopbackServer server, string key = Key) => new()
    {
        ApiKey = key,
        BaseAddress = server.BaseAddress,
    };

    public static TApi Create<TApi>(LoopbackServer server, string key = Key)
        where TApi : class
        => GrokClient.Create<TApi>(Options(server, key));
}
