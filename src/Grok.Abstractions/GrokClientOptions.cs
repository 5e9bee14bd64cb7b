using System;
using System.Text;
using System.Text.Json;

namespace Grok;

/// <summary>Settings of a Grok client. <see cref="ToString"/> never shows the API key.</summary>
public sealed class GrokClientOptions
{
    /// <summary>The xAI REST API's address, <c>https://api.x.ai/v1/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.x.ai/v1/");

    /// <summary>The name of the environment variable read when <see cref="ApiKey"/> is <see langword="null"/>.</summary>
    public const string ApiKeyEnvironmentVariable = "XAI_API_KEY";

    /// <summary>
    /// Gets or sets the xAI API key sent as <c>Authorization: Bearer</c>. <see langword="null"/> means: read the
    /// <c>XAI_API_KEY</c> environment variable.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the base address endpoint paths are relative to. Defaults to <c>https://api.x.ai/v1/</c>;
    /// a missing trailing slash means the same.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>Gets or sets the model the ready client uses when a request names none.</summary>
    public string DefaultModel { get; set; } = "grok-4.3";

    /// <summary>The default of <see cref="MaxEventSize"/>: 64 MiB.</summary>
    public const int DefaultMaxEventSize = 64 * 1024 * 1024;

    /// <summary>
    /// Gets or sets how many times a failed attempt is retried, 0 to 10. 0 disables retries. Defaults to 2. Only
    /// attempts the server cannot have acted on are retried for POST, PUT and PATCH (connection not made, 408, 429,
    /// 503); GET and DELETE are also retried after 500, 502, 504, a timeout or a broken connection.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Gets or sets the time one attempt may take: from sending until the body the library reads is read (typed
    /// results and error bodies), until the headers when the caller reads the body (<c>Task&lt;Stream&gt;</c>,
    /// <c>Task&lt;HttpResponseMessage&gt;</c>), and for a stream until its first event. Defaults to 60 minutes
    /// (xAI's advice for reasoning models). <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>
    /// Gets or sets the longest silence allowed between two events of a stream after its first; any bytes received
    /// (keep-alive comments included) count as life. Defaults to 5 minutes.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the largest single server-sent event accepted, in bytes (64 MiB by default, 1 KiB to 256 MiB). A
    /// larger event ends the stream with <see cref="GrokStreamException"/>, so memory stays bounded whatever the
    /// server sends.
    /// </summary>
    public int MaxEventSize { get; set; } = DefaultMaxEventSize;

    /// <summary>
    /// Gets or sets the JSON options for request and response bodies. <see langword="null"/> uses
    /// <see cref="GrokJson.DefaultOptions"/>: snake_case names, nulls left out, the xAI wire models' generated
    /// metadata. Set it (with your own <c>JsonSerializerContext</c> in its resolver chain) for Native AOT.
    /// </summary>
    public JsonSerializerOptions? JsonSerializerOptions { get; set; }

    /// <summary>
    /// Gets or sets where retries, timeouts and broken streams are logged (category <c>Grok.Http</c>); none when null.
    /// Registered clients (<c>AddGrokClient</c>) use the container's. Logs never contain the API key.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Gets or sets whether clients registered with <c>AddGrokClient</c>, <c>AddKeyedGrokClient</c> or
    /// <c>AddGrokChatClient</c> get the Grok handler (retries per <see cref="MaxRetries"/> and the per-attempt
    /// <see cref="Timeout"/>). Defaults to <see langword="true"/>. Set it to <see langword="false"/> when you bring
    /// your own resilience pipeline (for example <c>AddStandardResilienceHandler()</c> with
    /// <c>DisableForUnsafeHttpMethods()</c>, so a POST the server may have processed is not sent twice).
    /// <c>GrokClient.Create</c> ignores it: a client it makes always has the handler.
    /// </summary>
    public bool UseBuiltInResilience { get; set; } = true;

    /// <summary>
    /// Gets or sets whether request bodies are checked against xAI's documented limits before they are sent (an
    /// <see cref="ArgumentException"/> naming the field, nothing sent). Defaults to <see langword="true"/>; set it to
    /// <see langword="false"/> when xAI has raised a limit this version does not know yet, and let the server judge.
    /// </summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>A copy, so a client keeps the settings it was created with when the caller changes the options later.</summary>
    internal GrokClientOptions Snapshot() => (GrokClientOptions)MemberwiseClone();

    /// <summary>Describes the options without the API key.</summary>
    /// <returns>A description such as <c>GrokClientOptions { BaseAddress = https://api.x.ai/v1/, ApiKey = (set), ... }</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("GrokClientOptions { BaseAddress = ");
        text.Append(BaseAddress)
            .Append(", ApiKey = ").Append(ApiKey is null ? "(from XAI_API_KEY)" : "(set, redacted)")
            .Append(", DefaultModel = ").Append(DefaultModel)
            .Append(", MaxRetries = ").Append(MaxRetries)
            .Append(", Timeout = ").Append(Timeout)
            .Append(", StreamIdleTimeout = ").Append(StreamIdleTimeout)
            .Append(", MaxEventSize = ").Append(MaxEventSize)
            .Append(" }");
        return text.ToString();
    }
}
