using System;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Grok.Images;

namespace Grok.Emulation;

/// <summary>Answers <c>POST images/generations</c> with deterministic URLs or a tiny base64 PNG.</summary>
internal static class ImagesEndpoint
{
    public const int MaxImages = 10;

    /// <summary>A 1x1 transparent PNG.</summary>
    public const string PixelPngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    public static async Task HandleAsync(HttpContext context, string body)
    {
        if (!EmulatorHttp.IsJson(context.Request))
        {
            await EmulatorHttp.WriteErrorAsync(context, 415, "Content-Type must be application/json.").ConfigureAwait(false);
            return;
        }

        ImageGenerationRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, GrokJsonContext.Default.ImageGenerationRequest);
        }
        catch (JsonException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "Failed to deserialize the JSON body into the target type: " + exception.Message).ConfigureAwait(false);
            return;
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Prompt))
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "The request needs a non-empty prompt.").ConfigureAwait(false);
            return;
        }

        var n = request.N ?? 1;
        if (n is < 1 or > MaxImages)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, $"n must be between 1 and {MaxImages}; it is {n}.").ConfigureAwait(false);
            return;
        }

        var format = request.ResponseFormat ?? "url";
        if (format is not ("url" or "b64_json"))
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "response_format must be url or b64_json.").ConfigureAwait(false);
            return;
        }

        var hash = EmulatorHttp.StableHash(request.Prompt).ToString("x16", CultureInfo.InvariantCulture);
        var images = new GeneratedImage[n];
        for (var i = 0; i < n; i++)
        {
            images[i] = new GeneratedImage
            {
                Url = format == "url" ? $"https://imgen.x.ai/emulator/{hash}-{i}.png" : null,
                B64Json = format == "b64_json" ? PixelPngBase64 : null,
                RevisedPrompt = "A picture of: " + request.Prompt,
            };
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, new ImageGenerationResponse { Data = images }, GrokJsonContext.Default.ImageGenerationResponse).ConfigureAwait(false);
    }
}
