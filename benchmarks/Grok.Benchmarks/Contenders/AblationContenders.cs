using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Grok.Benchmarks.Server;
using Refit;

namespace Grok.Benchmarks.Contenders;

/// <summary>
/// The ready client with one piece taken away at a time, to put a number on what each piece costs (the profile says
/// where the time goes; these say how much): retries off, the whole Polly pipeline off, the Grok handler off; and
/// Refit's own client with Grok's Refit settings.
/// </summary>
internal sealed class GrokAblationContender(string name, Func<Uri, IGrokClient> create) : Contender
{
    public override string Name => name;

    public override bool Supports(Scenario scenario) => scenario.IsChat();

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var grok = create(baseAddress);
        var request = Requests.Chat;
        if (scenario == Scenario.Plain)
        {
            return async () => (await grok.CreateChatCompletionAsync(request).ConfigureAwait(false)).Content!.Length;
        }

        return async () =>
        {
            var count = 0;
            await foreach (var chunk in grok.StreamChatCompletionAsync(request).ConfigureAwait(false))
            {
                count += chunk.Content?.Length ?? 0;
            }

            return count;
        };
    }

    public static Contender[] Variants() =>
    [
        new GrokAblationContender("ready, MaxRetries = 0", address =>
        {
            var options = GrokOptions.For(address);
            options.MaxRetries = 0;
            return GrokClient.Create<IGrokClient>(options);
        }),
        new GrokAblationContender("ready, no Polly pipeline (no retries, no timeout)", address =>
        {
            var options = GrokOptions.For(address);
            options.MaxRetries = 0;
            options.Timeout = Timeout.InfiniteTimeSpan;
            return GrokClient.Create<IGrokClient>(options);
        }),
        new GrokAblationContender("ready, no Grok handler (caller's HttpClient)", address =>
            GrokClient.Create<IGrokClient>(new HttpClient { BaseAddress = address }, GrokOptions.For(address))),
        new RefitWithGrokSettingsContender(),
    ];
}

/// <summary>Refit's generated client with <c>GrokClient.CreateSettings</c>: Grok's serializer, exception factory and key.</summary>
internal sealed class RefitWithGrokSettingsContender : Contender
{
    public override string Name => "Refit 16.4 with Grok's RefitSettings";

    public override bool Supports(Scenario scenario) => scenario == Scenario.Plain;

    public override Func<Task<int>> Prepare(Scenario scenario, Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PrecomputedServer.ApiKey);
        var refit = RestService.For<IRefitChat>(http, GrokClient.CreateSettings(GrokOptions.For(baseAddress)));
        return async () => (await refit.CompleteAsync(Requests.Chat).ConfigureAwait(false)).Content!.Length;
    }
}
