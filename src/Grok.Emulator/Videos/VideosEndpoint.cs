using System;
using System.Threading;
using System.Threading.Tasks;
using Grok.Images;
using Grok.Videos;
using Microsoft.AspNetCore.Http;

namespace Grok.Emulation;

/// <summary>
/// Video generations, edits and extensions: each answers a request id at once; <c>GET videos/{request_id}</c> answers
/// 202 for the configured number of polls, then 200 with the video (or, for a prompt containing <c>[fail]</c>, a
/// failed status with an error, as xAI reports failures).
/// </summary>
internal sealed class VideosEndpoint
{
    /// <summary>The emulator's price of one second of video, in USD ticks (5 US cents).</summary>
    public const long TicksPerSecond = 5 * 100_000_000;

    private const int MaxVideos = 1000;
    private readonly BoundedStore<Job> _jobs = new(MaxVideos);
    private readonly GrokEmulatorOptions _options;
    private long _requests;

    public VideosEndpoint(GrokEmulatorOptions options) => _options = options;

    public async Task GenerateAsync(HttpContext context, string body)
    {
        if (await JsonBody.ReadAsync(context, body, GrokJsonContext.Default.VideoGenerationRequest).ConfigureAwait(false) is { } request)
        {
            await StartAsync(context, request.Prompt ?? "", request.Model, request.Duration ?? 8).ConfigureAwait(false);
        }
    }

    public async Task EditAsync(HttpContext context, string body)
    {
        if (await JsonBody.ReadAsync(context, body, GrokJsonContext.Default.VideoEditRequest).ConfigureAwait(false) is { } request)
        {
            await StartAsync(context, request.Prompt, request.Model, 8).ConfigureAwait(false);
        }
    }

    public async Task ExtendAsync(HttpContext context, string body)
    {
        if (await JsonBody.ReadAsync(context, body, GrokJsonContext.Default.VideoExtensionRequest).ConfigureAwait(false) is { } request)
        {
            await StartAsync(context, request.Prompt, request.Model, request.Duration ?? 6).ConfigureAwait(false);
        }
    }

    public async Task GetAsync(HttpContext context, string requestId)
    {
        if (!_jobs.TryGet(requestId, out var job))
        {
            await EmulatorHttp.WriteErrorAsync(context, 404, "No deferred video could be found with the request id " + requestId + ".").ConfigureAwait(false);
            return;
        }

        if (job.TryPend(out var progress))
        {
            await EmulatorHttp.WriteJsonAsync(context, 202, new VideoResult { Status = "pending", Progress = progress }, GrokJsonContext.Default.VideoResult).ConfigureAwait(false);
            return;
        }

        await EmulatorHttp.WriteJsonAsync(context, 200, job.Result, GrokJsonContext.Default.VideoResult).ConfigureAwait(false);
    }

    /// <summary>The finished video of a prompt: deterministic URL, or a failure for prompts containing <c>[fail]</c>.</summary>
    public static VideoResult Create(string requestId, string prompt, string? model, int duration)
    {
        model ??= "grok-imagine-video";
        if (prompt.Contains("[fail]", StringComparison.OrdinalIgnoreCase))
        {
            return new VideoResult { Status = "failed", Error = new MediaError { Code = "invalid_argument", Message = "The emulator was asked to fail this video ([fail] in the prompt)." } };
        }

        return new VideoResult
        {
            Status = "done",
            Model = ModelCatalog.FindVideoGenerationModel(model)?.Id ?? model,
            Progress = 100,
            Video = new GeneratedVideo { Url = "https://vidgen.x.ai/emulator/xai-video-" + requestId + ".mp4", Duration = duration, RespectModeration = true },
            Usage = new MediaUsage { CostInUsdTicks = TicksPerSecond * duration },
        };
    }

    private async Task StartAsync(HttpContext context, string prompt, string? model, int duration)
    {
        if (model is not null && ModelCatalog.FindVideoGenerationModel(model) is null)
        {
            await EmulatorHttp.WriteErrorAsync(context, 404, "The model " + model + " does not exist or your team does not have access to it.").ConfigureAwait(false);
            return;
        }

        var requestId = EmulatorHttp.StableId("video:" + prompt, Interlocked.Increment(ref _requests));
        _jobs.Add(requestId, new Job(Create(requestId, prompt, model, duration), _options.DeferredPendingPolls));
        await EmulatorHttp.WriteJsonAsync(context, 200, new DeferredVideo { RequestId = requestId }, GrokJsonContext.Default.DeferredVideo).ConfigureAwait(false);
    }

    /// <summary>A video and how many more polls answer 202.</summary>
    private sealed class Job(VideoResult result, int pendingPolls)
    {
        private readonly int _total = Math.Max(1, pendingPolls);
        private int _pendingPolls = pendingPolls;

        public VideoResult Result { get; } = result;

        public bool TryPend(out int progress)
        {
            var left = Interlocked.Decrement(ref _pendingPolls);
            progress = Math.Clamp(100 * (_total - Math.Max(left, 0)) / (_total + 1), 0, 99);
            return left >= 0;
        }
    }
}
