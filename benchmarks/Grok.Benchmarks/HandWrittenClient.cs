using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Grok.Chat;

namespace Grok.Benchmarks;

/// <summary>
/// The baseline: what a careful engineer writes by hand with HttpClient and source-generated System.Text.Json
/// (the same wire models and context), with no retries, no validation and no error mapping.
/// </summary>
internal sealed class HandWrittenClient(HttpClient http, string key)
{
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", key);

    public async Task<ChatCompletion> CompleteAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "chat/completions")
        {
            Content = JsonContent.Create(request, GrokJsonContext.Default.ChatCompletionRequest),
        };
        message.Headers.Authorization = _authorization;
        using var response = await http.SendAsync(message, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(GrokJsonContext.Default.ChatCompletion, cancellationToken))!;
    }

    public async IAsyncEnumerable<ChatCompletionChunk> StreamAsync(ChatCompletionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "chat/completions")
        {
            Content = JsonContent.Create(request with { Stream = true }, GrokJsonContext.Default.ChatCompletionRequest),
        };
        message.Headers.Authorization = _authorization;
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            var data = line.AsMemory(6);
            if (data.Span.SequenceEqual("[DONE]"))
            {
                yield break;
            }

            yield return JsonSerializer.Deserialize(data.Span, GrokJsonContext.Default.ChatCompletionChunk)!;
        }
    }
}
