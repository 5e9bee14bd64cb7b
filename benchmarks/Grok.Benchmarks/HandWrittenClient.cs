using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Benchmarks;

/// <summary>
/// The baseline: what a careful engineer writes by hand with <see cref="HttpClient"/>, source-generated
/// System.Text.Json and <see cref="SseParser"/>, with no retries, no timeouts, no validation and no error mapping:
/// the practical limit for any client of the same wire models.
/// </summary>
/// <typeparam name="TRequest">The request body.</typeparam>
/// <typeparam name="TAnswer">The plain answer.</typeparam>
/// <typeparam name="TEvent">One event of a stream.</typeparam>
internal sealed class HandWrittenClient<TRequest, TAnswer, TEvent>(
    HttpClient http,
    string key,
    JsonTypeInfo<TRequest> requestInfo,
    JsonTypeInfo<TAnswer> answerInfo,
    JsonTypeInfo<TEvent> eventInfo)
    where TEvent : class
{
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", key);

    public async Task<TAnswer> SendAsync(string path, TRequest request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(request, requestInfo) };
        message.Headers.Authorization = _authorization;
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(answerInfo, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Streams the events of <paramref name="path"/>; the caller puts <c>"stream": true</c> in the request.</summary>
    public async IAsyncEnumerable<TEvent> StreamAsync(string path, TRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(request, requestInfo) };
        message.Headers.Authorization = _authorization;
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var parser = SseParser.Create(body, (_, data) => data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, eventInfo));
        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Data is null)
            {
                yield break;
            }

            yield return item.Data;
        }
    }
}
