using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Grok.Images;

namespace Grok.Emulation;

/// <summary>
/// Answers <c>POST images/generations</c> and <c>POST images/edits</c> with deterministic URLs or a tiny base64 PNG
/// and a cost from the catalog, and <c>GET images/{request_id}</c> for deferred requests (202 first, then 200).
/// </summary>
internal sealed class ImagesEndpoint
{
    public const int MaxImages = ImageGenerationRequest.MaxImages;

    /// <summary>A 1x1 transparent PNG.</summary>
    public const string PixelPngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private const int MaxDeferred = 1000;
    private readonly BoundedStore<Deferred> _deferred = new(MaxDeferred);
    private readonly GrokEmulatorOptions _options;
    private long _requests;

    public ImagesEndpoint(GrokEmulatorOptions options) => _options = options;

    public async Task GenerateAsync(HttpContext context, string body)
    {
        if (await JsonBody.ReadAsync(context, body, GrokJsonContext.Default.ImageGenerationRequest).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        await AnswerAsync(context, request.Prompt, request.Model, request.N, request.ResponseFormat, request.Deferred == true, 0).ConfigureAwait(false);
    }

    public async Task EditAsync(HttpContext context, string body)
    {
        if (await JsonBody.ReadAsync(context, body, GrokJsonContext.Default.ImageEditRequest).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var inputs = request.Images?.Count ?? 1;
        await AnswerAsync(context, request.Prompt, request.Model, request.N, request.ResponseFormat, request.Deferred == true, inputs).ConfigureAwait(false);
    }

    public async Task GetDeferredAsync(HttpContext context, string requestId)
    {
        if (!_deferred.TryGet(requestId, out var entry))
        {
            await EmulatorHttp.WriteErrorAsync(context, 404, "No deferred image request " + requestId + " was found, or its result expired.").ConfigureAwait(false);
            return;
        }

        if (entry.TryPend())
        {
            context.Response.StatusCode = 202;
            context.Response.ContentLength = 0;
            return;
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, entry.Result, GrokJsonContext.Default.DeferredImageResult).ConfigureAwait(false);
    }

    /// <summary>Makes the images of a request: the same prompt always gives the same URLs.</summary>
    public static ImageGenerationResponse Create(string prompt, string? model, int n, string format, int inputImages)
    {
        var hash = EmulatorHttp.StableHash(prompt).ToString("x16", CultureInfo.InvariantCulture);
        var images = new GeneratedImage[n];
        for (var i = 0; i < n; i++)
        {
            images[i] = new GeneratedImage
            {
                Url = format == "url" ? $"https://imgen.x.ai/emulator/{hash}-{i}.png" : null,
                B64Json = format == "b64_json" ? PixelPngBase64 : null,
                MimeType = "image/png",
                RevisedPrompt = "A picture of: " + prompt,
            };
        }

        // Edits are billed for the input images too.
        var price = ModelCatalog.FindImageGenerationModel(model ?? "grok-imagine-image")?.ImagePrice ?? 0;
        return new ImageGenerationResponse { Data = images, Usage = new MediaUsage { CostInUsdTicks = price * (n + inputImages) } };
    }

    private async Task AnswerAsync(HttpContext context, string prompt, string? model, int? count, string? responseFormat, bool deferred, int inputImages)
    {
        var format = responseFormat ?? "url";
        if (format is not ("url" or "b64_json"))
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "response_format must be url or b64_json.").ConfigureAwait(false);
            return;
        }

        if (model is not null && ModelCatalog.FindImageGenerationModel(model) is null)
        {
            await EmulatorHttp.WriteErrorAsync(context, 404, "The model " + model + " does not exist or your team does not have access to it.").ConfigureAwait(false);
            return;
        }

        var images = Create(prompt, model, count ?? 1, format, inputImages);
        if (!deferred)
        {
            await EmulatorHttp.WriteJsonAsync(context, 200, images, GrokJsonContext.Default.ImageGenerationResponse).ConfigureAwait(false);
            return;
        }

        var requestId = EmulatorHttp.StableId("image:" + prompt, Interlocked.Increment(ref _requests));
        var result = new DeferredImageResult { RequestId = requestId, Status = "done", Data = images.Data, Usage = images.Usage };
        _deferred.Add(requestId, new Deferred(result, _options.DeferredPendingPolls));
        await EmulatorHttp.WriteJsonAsync(context, 200, new DeferredImage { RequestId = requestId }, GrokJsonContext.Default.DeferredImage).ConfigureAwait(false);
    }

    /// <summary>A deferred result and how many more polls answer 202.</summary>
    private sealed class Deferred(DeferredImageResult result, int pendingPolls)
    {
        private int _pendingPolls = pendingPolls;

        public DeferredImageResult Result { get; } = result;

        public bool TryPend() => Interlocked.Decrement(ref _pendingPolls) >= 0;
    }
}
