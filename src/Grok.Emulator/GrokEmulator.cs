using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Grok.Emulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Grok.Models;

namespace Grok;

/// <summary>
/// An in-process emulator of xAI's Grok REST API on 127.0.0.1: chat completions (plain, streamed, deferred), the
/// Responses API (plain and streamed typed events, stored responses, scripted tool calls), models,
/// API key info, embeddings, tokenization and image generation, answered deterministically, in xAI's wire format,
/// with scripted faults (see <see cref="Enqueue"/>).
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await GrokEmulator.StartAsync();
/// var options = emulator.CreateClientOptions();
/// </code>
/// </example>
public sealed class GrokEmulator : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly GrokEmulatorOptions _options;
    private readonly ChatEndpoint _chat;
    private readonly ImagesEndpoint _images;
    private readonly FileStore _fileStore;
    private readonly FilesEndpoint _files;
    private readonly BatchesEndpoint _batches;
    private readonly VideosEndpoint _videos;
    private readonly ResponsesEndpoint _responses;
    private readonly ConcurrentQueue<EmulatorResponse> _faults = new();
    private readonly List<EmulatorRequest> _requests = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private GrokEmulator(WebApplication app, GrokEmulatorOptions options)
    {
        _app = app;
        _options = options;
        _chat = new ChatEndpoint(options);
        _images = new ImagesEndpoint(options);
        _fileStore = new FileStore(options);
        _files = new FilesEndpoint(_fileStore);
        _batches = new BatchesEndpoint(options, _fileStore);
        _videos = new VideosEndpoint(options);
        _responses = new ResponsesEndpoint(options);
        BaseAddress = new Uri("http://127.0.0.1/v1/");
    }

    /// <summary>Gets the base address of the emulated API, <c>http://127.0.0.1:&lt;port&gt;/v1/</c>.</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>Gets the API key the emulator accepts.</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>What a recorded <c>Authorization</c> (or <c>Proxy-Authorization</c>) header shows instead of its value.</summary>
    public const string RedactedHeaderValue = "[redacted]";

    /// <summary>The longest request body kept in <see cref="Requests"/>, in characters (1 Mi); a longer one is cut.</summary>
    public const int MaxRecordedBodyLength = 1024 * 1024;

    /// <summary>
    /// Gets the requests received so far, oldest first (a snapshot): at most <see cref="GrokEmulatorOptions.MaxRecordedRequests"/>,
    /// with <c>Authorization</c> values replaced by <see cref="RedactedHeaderValue"/>.
    /// </summary>
    public IReadOnlyList<EmulatorRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Gets the number of enqueued responses not yet used.</summary>
    public int PendingFaults => _faults.Count;

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">The settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<GrokEmulator> StartAsync(GrokEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GrokEmulatorOptions();
        ArgumentException.ThrowIfNullOrEmpty(options.ApiKey, nameof(options) + "." + nameof(options.ApiKey));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options) + "." + nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options) + "." + nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkDelay, TimeSpan.Zero, nameof(options) + "." + nameof(options.ChunkDelay));
        ArgumentOutOfRangeException.ThrowIfNegative(options.DeferredPendingPolls, nameof(options) + "." + nameof(options.DeferredPendingPolls));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFileBytes, 1, nameof(options) + "." + nameof(options.MaxFileBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxStoredFiles, 1, nameof(options) + "." + nameof(options.MaxStoredFiles));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxStoredBytesInMemory, 0, nameof(options) + "." + nameof(options.MaxStoredBytesInMemory));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchRequestsPerPoll, 1, nameof(options) + "." + nameof(options.BatchRequestsPerPoll));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxChoices, 1, nameof(options) + "." + nameof(options.MaxChoices));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSchemaNodes, 1, nameof(options) + "." + nameof(options.MaxSchemaNodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRecordedRequests, 0, nameof(options) + "." + nameof(options.MaxRecordedRequests));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDeferredCompletions, 1, nameof(options) + "." + nameof(options.MaxDeferredCompletions));

        // A private copy, so later changes to the caller's options do not race with requests.
        options = new GrokEmulatorOptions
        {
            ApiKey = options.ApiKey,
            Port = options.Port,
            ChunkDelay = options.ChunkDelay,
            DeferredPendingPolls = options.DeferredPendingPolls,
            MaxFileBytes = options.MaxFileBytes,
            MaxStoredFiles = options.MaxStoredFiles,
            FileStorageDirectory = options.FileStorageDirectory,
            MaxStoredBytesInMemory = options.MaxStoredBytesInMemory,
            BatchRequestsPerPoll = options.BatchRequestsPerPoll,
            MaxChoices = options.MaxChoices,
            MaxSchemaNodes = options.MaxSchemaNodes,
            MaxRecordedRequests = options.MaxRecordedRequests,
            MaxDeferredCompletions = options.MaxDeferredCompletions,
        };

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ApplicationName = typeof(GrokEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        var port = options.Port;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });

        var app = builder.Build();
        var emulator = new GrokEmulator(app, options);
        app.Run(emulator.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address for the Grok emulator.");
        emulator.BaseAddress = new Uri("http://127.0.0.1:" + new Uri(address).Port + "/v1/");
        return emulator;
    }

    /// <summary>Creates client options that point at this emulator, with its API key.</summary>
    /// <returns>New options with <see cref="GrokClientOptions.ApiKey"/> and <see cref="GrokClientOptions.BaseAddress"/> set.</returns>
    public GrokClientOptions CreateClientOptions() => new() { ApiKey = ApiKey, BaseAddress = BaseAddress };

    /// <summary>
    /// Queues a scripted response; each request takes the oldest one, in order, until the queue is empty.
    /// </summary>
    /// <param name="response">The answer or fault for a coming request.</param>
    public void Enqueue(EmulatorResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _faults.Enqueue(response);
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    /// <summary>Stops the emulator; streams still open are ended.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _fileStore.Dispose();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var cancellationToken = linked.Token;
        try
        {
            // An upload is streamed to the file store by its endpoint, never read into memory here.
            var body = FilesEndpoint.IsUpload(context.Request) ? "" : await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
            Record(context.Request, body);

            _faults.TryDequeue(out var fault);
            if (fault is not null)
            {
                if (fault.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
                }

                if (fault.Headers is not null)
                {
                    foreach (var header in fault.Headers)
                    {
                        context.Response.Headers[header.Key] = header.Value;
                    }
                }

                if (fault.IsScripted)
                {
                    await ReplayAsync(context, fault, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }

            await RouteAsync(context, body, fault, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Abort();
        }
        catch (IOException)
        {
            context.Abort();
        }
    }

    private async Task RouteAsync(HttpContext context, string body, EmulatorResponse? fault, CancellationToken cancellationToken)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            await EmulatorHttp.WriteErrorAsync(context, 404, "The requested URL " + path + " was not found on this server.").ConfigureAwait(false);
            return;
        }

        if (!IsAuthorized(context.Request, out var error))
        {
            await EmulatorHttp.WriteErrorAsync(context, 401, error, EmulatorErrors.InvalidArgument).ConfigureAwait(false);
            return;
        }

        var route = path["/v1/".Length..].TrimEnd('/');
        var segments = route.Split('/');
        var method = context.Request.Method;
        switch (segments)
        {
            case ["chat", "completions"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await _chat.CompleteAsync(context, body, fault, cancellationToken).ConfigureAwait(false);
                }

                return;
            case ["chat", "deferred-completion", var requestId] when requestId.Length > 0:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _chat.DeferredAsync(context, Uri.UnescapeDataString(requestId)).ConfigureAwait(false);
                }

                return;
            case ["responses"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await _responses.CreateAsync(context, body, fault, cancellationToken).ConfigureAwait(false);
                }

                return;
            case ["responses", "compact"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await _responses.CompactAsync(context, body).ConfigureAwait(false);
                }

                return;
            case ["responses", var responseId] when responseId.Length > 0:
                await _responses.StoredAsync(context, Uri.UnescapeDataString(responseId)).ConfigureAwait(false);
                return;
            case ["responses", var responseId, "input_items"] when responseId.Length > 0:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _responses.InputItemsAsync(context, Uri.UnescapeDataString(responseId)).ConfigureAwait(false);
                }

                return;
            case ["models"] or ["models", _] or ["language-models"] or ["language-models", _]
                or ["embedding-models"] or ["embedding-models", _] or ["image-generation-models"] or ["image-generation-models", _]
                or ["video-generation-models"] or ["video-generation-models", _]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await ModelsAsync(context, segments[0], segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : null).ConfigureAwait(false);
                }

                return;
            case ["api-key"]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await EmulatorHttp.WriteJsonAsync(context, 200, ApiKeyInfo(), GrokJsonContext.Default.ApiKeyInfo).ConfigureAwait(false);
                }

                return;
            case ["embeddings"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await EmbeddingsEndpoint.HandleAsync(context, body).ConfigureAwait(false);
                }

                return;
            case ["tokenize-text"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await TokenizeEndpoint.HandleAsync(context, body).ConfigureAwait(false);
                }

                return;
            case ["images", "generations"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await _images.GenerateAsync(context, body).ConfigureAwait(false);
                }

                return;
            case ["images", "edits"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await _images.EditAsync(context, body).ConfigureAwait(false);
                }

                return;
            case ["images", var imageRequestId] when imageRequestId.Length > 0:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _images.GetDeferredAsync(context, Uri.UnescapeDataString(imageRequestId)).ConfigureAwait(false);
                }

                return;
            case ["files", ..]:
                await FilesRouteAsync(context, segments, method, body, cancellationToken).ConfigureAwait(false);
                return;
            case ["batches", ..]:
                await BatchesRouteAsync(context, segments, method, body).ConfigureAwait(false);
                return;
            case ["videos", "generations" or "edits" or "extensions"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await (segments[1] switch
                    {
                        "generations" => _videos.GenerateAsync(context, body),
                        "edits" => _videos.EditAsync(context, body),
                        _ => _videos.ExtendAsync(context, body),
                    }).ConfigureAwait(false);
                }

                return;
            case ["videos", var videoRequestId] when videoRequestId.Length > 0:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _videos.GetAsync(context, Uri.UnescapeDataString(videoRequestId)).ConfigureAwait(false);
                }

                return;
            case ["me"]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await EmulatorHttp.WriteJsonAsync(context, 200, Me(), GrokJsonContext.Default.CallerIdentity).ConfigureAwait(false);
                }

                return;
            default:
                await EmulatorHttp.WriteErrorAsync(context, 404, "The requested URL " + path + " was not found on this server.").ConfigureAwait(false);
                return;
        }
    }

    private static async Task<bool> RequireAsync(HttpContext context, string method, string expected)
    {
        if (string.Equals(method, expected, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        context.Response.Headers.Allow = expected;
        await EmulatorHttp.WriteErrorAsync(context, 405, "Method " + method + " is not allowed here; use " + expected + ".").ConfigureAwait(false);
        return false;
    }

    private bool IsAuthorized(HttpRequest request, out string error)
    {
        const string Console = " You can obtain an API key from https://console.x.ai.";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length == "Bearer ".Length)
        {
            error = "No API key provided. Pass it as Authorization: Bearer <key>." + Console;
            return false;
        }

        var key = header["Bearer ".Length..].Trim();
        if (!string.Equals(key, _options.ApiKey, StringComparison.Ordinal))
        {
            error = "Incorrect API key provided: " + EmulatorErrors.Mask(key) + "." + Console;
            return false;
        }

        error = "";
        return true;
    }

    private static async Task ModelsAsync(HttpContext context, string kind, string? id)
    {
        var notFound = "The model " + id + " does not exist or your team does not have access to it.";
        switch (kind, id)
        {
            case ("models", null):
                await EmulatorHttp.WriteJsonAsync(context, 200, ModelCatalog.Models, GrokJsonContext.Default.ModelList).ConfigureAwait(false);
                return;
            case ("language-models", null):
                await EmulatorHttp.WriteJsonAsync(context, 200, new LanguageModelList { Models = ModelCatalog.LanguageModels }, GrokJsonContext.Default.LanguageModelList).ConfigureAwait(false);
                return;
            case ("embedding-models", null):
                await EmulatorHttp.WriteJsonAsync(context, 200, new EmbeddingModelList { Models = ModelCatalog.EmbeddingModels }, GrokJsonContext.Default.EmbeddingModelList).ConfigureAwait(false);
                return;
            case ("image-generation-models", null):
                await EmulatorHttp.WriteJsonAsync(context, 200, new ImageGenerationModelList { Models = ModelCatalog.ImageGenerationModels }, GrokJsonContext.Default.ImageGenerationModelList).ConfigureAwait(false);
                return;
            case ("video-generation-models", null):
                await EmulatorHttp.WriteJsonAsync(context, 200, new VideoGenerationModelList { Models = ModelCatalog.VideoGenerationModels }, GrokJsonContext.Default.VideoGenerationModelList).ConfigureAwait(false);
                return;
            case ("video-generation-models", { } modelId) when ModelCatalog.FindVideoGenerationModel(modelId) is { } model:
                await EmulatorHttp.WriteJsonAsync(context, 200, model, GrokJsonContext.Default.VideoGenerationModel).ConfigureAwait(false);
                return;
            case ("models", { } modelId) when ModelCatalog.FindModel(modelId) is { } model:
                await EmulatorHttp.WriteJsonAsync(context, 200, model, GrokJsonContext.Default.Model).ConfigureAwait(false);
                return;
            case ("language-models", { } modelId) when ModelCatalog.FindLanguageModel(modelId) is { } model:
                await EmulatorHttp.WriteJsonAsync(context, 200, model, GrokJsonContext.Default.LanguageModel).ConfigureAwait(false);
                return;
            case ("embedding-models", { } modelId) when ModelCatalog.FindEmbeddingModel(modelId) is { } model:
                await EmulatorHttp.WriteJsonAsync(context, 200, model, GrokJsonContext.Default.EmbeddingModel).ConfigureAwait(false);
                return;
            case ("image-generation-models", { } modelId) when ModelCatalog.FindImageGenerationModel(modelId) is { } model:
                await EmulatorHttp.WriteJsonAsync(context, 200, model, GrokJsonContext.Default.ImageGenerationModel).ConfigureAwait(false);
                return;
            default:
                await EmulatorHttp.WriteErrorAsync(context, 404, notFound).ConfigureAwait(false);
                return;
        }
    }

    private async Task FilesRouteAsync(HttpContext context, string[] segments, string method, string body, CancellationToken cancellationToken)
    {
        switch (segments)
        {
            case ["files"] when HttpMethods.IsPost(method):
                await _files.UploadAsync(context, cancellationToken).ConfigureAwait(false);
                return;
            case ["files"]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _files.ListAsync(context).ConfigureAwait(false);
                }

                return;
            case ["files", var id] when HttpMethods.IsDelete(method):
                await _files.DeleteAsync(context, Uri.UnescapeDataString(id)).ConfigureAwait(false);
                return;
            case ["files", var id]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _files.GetAsync(context, Uri.UnescapeDataString(id)).ConfigureAwait(false);
                }

                return;
            case ["files", var id, "content"]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _files.ContentAsync(context, Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false);
                }

                return;
            case ["files", var id, "public-url"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await _files.CreatePublicUrlAsync(context, Uri.UnescapeDataString(id), body).ConfigureAwait(false);
                }

                return;
            case ["files", var id, "public-url", "revoke"]:
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await _files.RevokePublicUrlAsync(context, Uri.UnescapeDataString(id)).ConfigureAwait(false);
                }

                return;
            default:
                await EmulatorHttp.WriteErrorAsync(context, 404, "The requested URL " + context.Request.Path + " was not found on this server.").ConfigureAwait(false);
                return;
        }
    }

    private async Task BatchesRouteAsync(HttpContext context, string[] segments, string method, string body)
    {
        switch (segments)
        {
            case ["batches"] when HttpMethods.IsPost(method):
                await _batches.CreateAsync(context, body).ConfigureAwait(false);
                return;
            case ["batches"]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _batches.ListAsync(context).ConfigureAwait(false);
                }

                return;
            case ["batches", var action] when Uri.UnescapeDataString(action) is var decoded && decoded.EndsWith(":cancel", StringComparison.Ordinal):
                if (await RequireAsync(context, method, HttpMethods.Post).ConfigureAwait(false))
                {
                    await _batches.CancelAsync(context, decoded[..^":cancel".Length]).ConfigureAwait(false);
                }

                return;
            case ["batches", var id]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _batches.GetAsync(context, Uri.UnescapeDataString(id)).ConfigureAwait(false);
                }

                return;
            case ["batches", var id, "requests"] when HttpMethods.IsPost(method):
                await _batches.AddRequestsAsync(context, Uri.UnescapeDataString(id), body).ConfigureAwait(false);
                return;
            case ["batches", var id, "requests"]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _batches.ListRequestsAsync(context, Uri.UnescapeDataString(id)).ConfigureAwait(false);
                }

                return;
            case ["batches", var id, "results"]:
                if (await RequireAsync(context, method, HttpMethods.Get).ConfigureAwait(false))
                {
                    await _batches.ListResultsAsync(context, Uri.UnescapeDataString(id)).ConfigureAwait(false);
                }

                return;
            default:
                await EmulatorHttp.WriteErrorAsync(context, 404, "The requested URL " + context.Request.Path + " was not found on this server.").ConfigureAwait(false);
                return;
        }
    }

    private CallerIdentity Me() => new()
    {
        UserId = "00000000-0000-4000-8000-000000000001",
        TeamId = "00000000-0000-4000-8000-000000000002",
        ZdrStatus = "no_zdr",
        TeamBlocked = false,
        ApiKey = new CallerApiKey { RedactedApiKey = EmulatorErrors.Mask(_options.ApiKey), ApiKeyId = EmulatorHttp.StableId(_options.ApiKey, 0), Blocked = false, Disabled = false },
    };

    private ApiKeyInfo ApiKeyInfo() => new()
    {
        RedactedApiKey = EmulatorErrors.Mask(_options.ApiKey),
        UserId = "00000000-0000-4000-8000-000000000001",
        Name = "Grok emulator key",
        CreateTime = "2025-01-01T00:00:00Z",
        ModifyTime = "2025-01-01T00:00:00Z",
        ModifiedBy = "00000000-0000-4000-8000-000000000001",
        TeamId = "00000000-0000-4000-8000-000000000002",
        Acls = ["api-key:model:*", "api-key:endpoint:*"],
        ApiKeyId = EmulatorHttp.StableId(_options.ApiKey, 0),
        TeamBlocked = false,
        ApiKeyBlocked = false,
        ApiKeyDisabled = false,
    };

    private async Task ReplayAsync(HttpContext context, EmulatorResponse scripted, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = scripted.StatusCode == 0 ? 200 : scripted.StatusCode;
        if (scripted.Body is null)
        {
            if (response.StatusCode >= 400)
            {
                var message = "The emulator was scripted to fail with status " + response.StatusCode + ".";
                await EmulatorHttp.WriteErrorAsync(context, response.StatusCode, message).ConfigureAwait(false);
                return;
            }

            response.ContentLength = 0;
            return;
        }

        response.ContentType = scripted.ContentType;
        if (!scripted.ContentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = Encoding.UTF8.GetBytes(scripted.Body);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        await ChatEndpoint.WriteFramesAsync(context, SplitFrames(scripted.Body), null, _options.ChunkDelay, scripted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Splits a raw event-stream body after each blank line ("\n\n"), keeping every byte.</summary>
    private static IEnumerable<byte[]> SplitFrames(string body)
    {
        var start = 0;
        while (start < body.Length)
        {
            var boundary = body.IndexOf("\n\n", start, StringComparison.Ordinal);
            var end = boundary < 0 ? body.Length : boundary + 2;
            yield return Encoding.UTF8.GetBytes(body[start..end]);
            start = end;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Record(HttpRequest request, string body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
                ? RedactedHeaderValue
                : header.Value.ToString();
        }

        if (body.Length > MaxRecordedBodyLength)
        {
            body = body[..MaxRecordedBodyLength];
        }

        var entry = new EmulatorRequest(request.Method, request.Path.Value + request.QueryString.Value, headers, body);
        lock (_requests)
        {
            _requests.Add(entry);
            if (_requests.Count > _options.MaxRecordedRequests)
            {
                _requests.RemoveRange(0, _requests.Count - _options.MaxRecordedRequests);
            }
        }
    }
}
