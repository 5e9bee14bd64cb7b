namespace Grok.Emulator.Tests;

/// <summary>Plain HTTP helpers: the emulator is checked on the wire, not through the project's generated client.</summary>
internal static class Wire
{
    public static HttpClient Client(GrokEmulator emulator, string? key = null)
    {
        var client = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key ?? emulator.ApiKey);
        return client;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, HttpCompletionOption option = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return client.SendAsync(request, option);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> PostJsonAsync(HttpClient client, string path, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await PostAsync(client, path, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts xAI's error shape, <c>{ "code": string, "error": string }</c>, and returns the error text.</summary>
    public static string AssertXaiError(JsonElement body)
    {
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Equal(JsonValueKind.String, body.GetProperty("code").ValueKind);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("code").GetString()));
        Assert.Equal(JsonValueKind.String, body.GetProperty("error").ValueKind);
        return body.GetProperty("error").GetString()!;
    }

    public static string Chat(string text, string extra = "", string model = "grok-4-fast-non-reasoning")
        => $$"""{"model":"{{model}}","messages":[{"role":"system","content":"You are terse"},{"role":"user","content":{{JsonSerializer.Serialize(text)}}}]{{(extra.Length > 0 ? "," + extra : "")}}}""";

    /// <summary>Reads an SSE body: the raw text and the payloads of its <c>data:</c> lines.</summary>
    public static async Task<(string Raw, List<string> Data)> ReadEventsAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        var data = new List<string>();
        foreach (var frame in raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.StartsWith("data: ", frame);
            data.Add(frame["data: ".Length..]);
        }

        return (raw, data);
    }
}
