using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Grok.Tests;

/// <summary>What the server saw of one request.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawTarget,
    string Query,
    string? Authorization,
    string? ContentType,
    string? Accept,
    string Body,
    System.Collections.Generic.IReadOnlyDictionary<string, string> Headers);

/// <summary>A real Kestrel server on 127.0.0.1 with a handler per test; records every request.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>Gets <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Root { get; }

    /// <summary>Gets <c>http://127.0.0.1:port/v1/</c>, the base address clients use.</summary>
    public Uri BaseAddress => new(Root, "v1/");

    /// <summary>Gets the requests seen, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Gets the single request seen.</summary>
    public RecordedRequest SingleRequest => Assert.Single(Requests);

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            var request = context.Request;
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            context.Items["body"] = body;
            server!.Requests.Enqueue(new RecordedRequest(
                request.Method,
                request.Path.Value ?? "",
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "",
                request.QueryString.Value ?? "",
                request.Headers.Authorization.FirstOrDefault(),
                request.ContentType,
                request.Headers.Accept.FirstOrDefault(),
                body,
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address.Replace("[::]", "127.0.0.1") + "/"));
        return server;
    }

    public static Task<LoopbackServer> StartJsonAsync(string json, int status = 200)
        => StartAsync(context => WriteJsonAsync(context, json, status));

    public static async Task WriteJsonAsync(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    /// <summary>Writes server-sent-event frames, flushing after each.</summary>
    public static async Task WriteEventsAsync(HttpContext context, params string[] frames)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.ContentType = "text/event-stream";
        }

        foreach (var frame in frames)
        {
            await context.Response.WriteAsync(frame);
            await context.Response.Body.FlushAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
