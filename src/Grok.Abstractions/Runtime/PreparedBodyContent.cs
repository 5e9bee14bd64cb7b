using System.Net.Http;
using System.Net.Http.Headers;

namespace Grok;

/// <summary>
/// A JSON body already serialized to UTF-8 (a streaming request's, with <c>"stream": true</c>), which keeps the object
/// it was serialized from so telemetry can name the model without parsing the bytes again.
/// </summary>
internal sealed class PreparedBodyContent : ByteArrayContent
{
    public PreparedBodyContent(byte[] json, object? body)
        : base(json)
    {
        Body = body;
        Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
    }

    /// <summary>Gets the object the JSON was serialized from.</summary>
    public object? Body { get; }
}
