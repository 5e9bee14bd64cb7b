using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Grok.Emulation;

/// <summary>The one preamble of every JSON endpoint: 415 unless JSON, 400 unless it parses and passes the request's own checks.</summary>
internal static class JsonBody
{
    /// <summary>Reads the body as <typeparamref name="T"/>, or answers the error and returns null.</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext context, string body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!EmulatorHttp.IsJson(context.Request))
        {
            await EmulatorHttp.WriteErrorAsync(context, 415, "Content-Type must be application/json.").ConfigureAwait(false);
            return null;
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException exception)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "Failed to deserialize the JSON body into the target type: " + exception.Message).ConfigureAwait(false);
            return null;
        }

        if (value is null)
        {
            await EmulatorHttp.WriteErrorAsync(context, 400, "The request body must be a JSON object.").ConfigureAwait(false);
            return null;
        }

        if (value is IGrokRequest request)
        {
            try
            {
                request.Validate();
            }
            catch (ArgumentException exception)
            {
                await EmulatorHttp.WriteErrorAsync(context, 400, exception.Message).ConfigureAwait(false);
                return null;
            }
        }

        return value;
    }
}
