using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Grok;

/// <summary>
/// The xAI API answered with an error (or with a body that is not what the method declares). Reads xAI's
/// <c>{ "code", "error" }</c> body and OpenAI's nested <c>{ "error": { "message" } }</c> shape alike.
/// The API key never appears in <see cref="Exception.Message"/>, <see cref="ApiException.Content"/> or <c>ToString()</c>.
/// </summary>
public sealed class GrokApiException : ApiException
{
    /// <summary>What replaces an echo of the API key in <see cref="ApiException.Content"/>.</summary>
    public const string RedactionMark = "[REDACTED]";

    private const int MaxSnippetLength = 200;

    private GrokApiException(
        string message,
        HttpRequestMessage request,
        HttpStatusCode statusCode,
        string? reasonPhrase,
        HttpResponseHeaders headers,
        string? content,
        RefitSettings settings,
        string? errorCode,
        string? errorMessage,
        Exception? innerException)
        : base(message, request, request.Method, content, statusCode, reasonPhrase, headers, settings, innerException!)
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
    }

    /// <summary>Gets xAI's <c>code</c> (e.g. <c>Client specified an invalid argument</c>), or OpenAI-style <c>error.code</c>/<c>error.type</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets xAI's <c>error</c> text, or OpenAI-style <c>error.message</c>.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Gets the <c>x-request-id</c> response header, to quote to xAI support.</summary>
    public string? RequestId { get; }

    /// <summary>Builds the exception for a failed response; Refit's <c>ExceptionFactory</c> shape.</summary>
    /// <param name="response">The response; its request carries the key to redact.</param>
    /// <param name="settings">The settings of the call.</param>
    /// <param name="hint">A sentence appended to the message, saying what to do.</param>
    /// <param name="innerException">The error that led here, if any.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The exception, not thrown.</returns>
    public static async Task<GrokApiException> CreateAsync(
        HttpResponseMessage response,
        RefitSettings settings,
        string? hint = null,
        Exception? innerException = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(settings);
        // A custom handler may leave RequestMessage unset; the error must still come through, so stand in an empty request.
        var sent = response.RequestMessage;
        var request = WithoutCredentials(sent);

        // At most ErrorBodyReader.MaxBytes are kept, whatever the server sends; the Grok handler has already read them
        // under the attempt's timeout, otherwise they are read here under the caller's token.
        string? content;
        try
        {
            var body = response.Content as Http.BufferedErrorContent
                ?? await Http.ErrorBodyReader.ReadAsync(response.Content, cancellationToken, cancellationToken).ConfigureAwait(false);
            content = Describe(body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }

        content = Redact(content, sent);
        var (code, message) = ParseErrorBody(content);
        return new GrokApiException(
            FormatMessage(response.StatusCode, response.ReasonPhrase, message, content, hint),
            request,
            response.StatusCode,
            response.ReasonPhrase,
            response.Headers,
            content,
            settings,
            code,
            message,
            innerException);
    }

    /// <summary>The kept body as text, saying when it was cut or could not be read to its end.</summary>
    private static string? Describe(Http.BufferedErrorContent body)
    {
        var text = Encoding.UTF8.GetString(body.Bytes.Span);
        if (body.Truncated)
        {
            text += $"... [cut: only the first {Http.ErrorBodyReader.MaxBytes} bytes of the body are kept]";
        }

        if (body.ReadError is { } error)
        {
            text += (text.Length == 0 ? "" : " ") + $"[{error}]";
        }

        return text.Length == 0 && body.ReadError is null ? "" : text;
    }

    /// <summary>
    /// A copy of the request for <c>ApiException.RequestMessage</c>: method, address, version and headers, without
    /// <c>Authorization</c>/<c>Proxy-Authorization</c> values and without the body (which may be large or already consumed).
    /// </summary>
    private static HttpRequestMessage WithoutCredentials(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return new HttpRequestMessage();
        }

        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(header.Key, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    /// <summary>Replaces every echo of the request's bearer token in <paramref name="text"/> with <see cref="RedactionMark"/>.</summary>
    internal static string? Redact(string? text, HttpRequestMessage? request)
    {
        if (string.IsNullOrEmpty(text) || request is null)
        {
            return text;
        }

        string? key = request.Headers.Authorization?.Parameter;
        if (key is null && request.Headers.TryGetValues("Authorization", out var values))
        {
            var raw = values.FirstOrDefault();
            key = raw is not null && raw.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? raw[7..].Trim() : null;
        }

        return string.IsNullOrEmpty(key) ? text : text.Replace(key, RedactionMark, StringComparison.Ordinal);
    }

    /// <summary>Reads xAI's <c>{ code, error }</c> or OpenAI's <c>{ error: { message, code } }</c>; nulls when the text is neither.</summary>
    internal static (string? Code, string? Message) ParseErrorBody(string? content)
    {
        if (string.IsNullOrWhiteSpace(content) || content.AsSpan().TrimStart()[0] != '{')
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            string? code = ReadString(root, "code");
            string? message = null;
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    message = error.GetString();
                }
                else if (error.ValueKind == JsonValueKind.Object)
                {
                    message = ReadString(error, "message");
                    code ??= ReadString(error, "code") ?? ReadString(error, "type");
                }
            }

            message ??= ReadString(root, "message");
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? ReadString(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string FormatMessage(HttpStatusCode status, string? reasonPhrase, string? errorMessage, string? content, string? hint)
    {
        var text = new StringBuilder("xAI API returned ")
            .Append((int)status)
            .Append(" (")
            .Append(string.IsNullOrEmpty(reasonPhrase) ? SplitWords(status.ToString()) : reasonPhrase)
            .Append(')');

        if (!string.IsNullOrEmpty(errorMessage))
        {
            text.Append(": ").Append(errorMessage);
        }
        else if (content is null)
        {
            text.Append('.');
        }
        else if (string.IsNullOrWhiteSpace(content))
        {
            text.Append(" with an empty body.");
        }
        else
        {
            var snippet = content.Length > MaxSnippetLength ? content[..MaxSnippetLength] + "..." : content;
            text.Append(" with a body that is not an xAI error: ").Append(snippet.ReplaceLineEndings(" "));
        }

        if (hint is not null)
        {
            text.Append(' ').Append(hint);
        }

        return text.ToString();
    }

    private static string SplitWords(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                text.Append(' ');
            }

            text.Append(name[i]);
        }

        return text.ToString();
    }
}
