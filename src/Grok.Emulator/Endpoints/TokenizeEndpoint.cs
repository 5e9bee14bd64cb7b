using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Grok.Tokenize;

namespace Grok.Emulation;

/// <summary>Answers <c>POST tokenize-text</c>: one token per space-separated word, ids from a stable hash.</summary>
internal static class TokenizeEndpoint
{
    public const int Vocabulary = 131_072;

    public static async Task HandleAsync(HttpContext context, string body)
    {
        if (!EmulatorHttp.IsJson(context.Request))
        {
            await EmulatorHttp.WriteErrorAsync(context, 415, "Content-Type must be application/json.").ConfigureAwait(false);
            return;
        }

        TokenizeTextRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, GrokJsonContext.Default.TokenizeTextRequest);
        }
        catch (JsonException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "Failed to deserialize the JSON body into the target type: " + exception.Message).ConfigureAwait(false);
            return;
        }

        if (request is null)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "The request body must be a JSON object.").ConfigureAwait(false);
            return;
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, new TokenizeTextResponse { TokenIds = Tokenize(request.Text ?? "") }, GrokJsonContext.Default.TokenizeTextResponse).ConfigureAwait(false);
    }

    /// <summary>Splits on spaces; every token after the first carries its leading space, so the tokens concatenate to the text.</summary>
    public static List<TokenInfo> Tokenize(string text)
    {
        var tokens = new List<TokenInfo>();
        var start = 0;
        while (start < text.Length)
        {
            var next = text.IndexOf(' ', start + 1);
            var end = next < 0 ? text.Length : next;
            var piece = text[start..end];
            var bytes = Encoding.UTF8.GetBytes(piece);
            var ids = new int[bytes.Length];
            for (var i = 0; i < bytes.Length; i++)
            {
                ids[i] = bytes[i];
            }

            tokens.Add(new TokenInfo
            {
                TokenId = (int)(EmulatorHttp.StableHash(piece) % Vocabulary),
                StringToken = piece,
                TokenBytes = ids,
            });
            start = end;
        }

        return tokens;
    }
}
