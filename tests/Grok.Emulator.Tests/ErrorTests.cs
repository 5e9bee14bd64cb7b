namespace Grok.Emulator.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task Missing_key_is_401_in_xai_shape()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = new HttpClient { BaseAddress = emulator.BaseAddress };
        var body = await Wire.GetJsonAsync(client, "models", HttpStatusCode.Unauthorized);
        Wire.AssertXaiError(body);
    }

    [Fact]
    public async Task Wrong_key_is_401_with_the_key_masked()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator, key: "xai-wrong-secret-banana");
        using var response = await Wire.PostAsync(client, "chat/completions", Wire.Chat("hi"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("xai-wrong-secret-banana", raw);
        var body = await Wire.JsonAsync(response);
        Assert.Equal("Client specified an invalid argument", body.GetProperty("code").GetString());
        Assert.Equal("Incorrect API key provided: xa***na. You can obtain an API key from https://console.x.ai.", Wire.AssertXaiError(body));
    }

    [Fact]
    public async Task Custom_key_is_the_only_one_accepted()
    {
        await using var emulator = await GrokEmulator.StartAsync(new GrokEmulatorOptions { ApiKey = "xai-custom" });
        Assert.Equal("xai-custom", emulator.ApiKey);
        using var good = Wire.Client(emulator);
        await Wire.GetJsonAsync(good, "models");
        using var bad = Wire.Client(emulator, GrokEmulatorOptions.DefaultApiKey);
        Wire.AssertXaiError(await Wire.GetJsonAsync(bad, "models", HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Chat_without_json_content_type_is_415()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        using var response = await client.PostAsync("chat/completions", new StringContent(Wire.Chat("hi"), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Wire.AssertXaiError(await Wire.JsonAsync(response));
    }

    [Theory]
    [InlineData("""{"model":"grok-4","messages":[]}""")]
    [InlineData("""{"model":"grok-4"}""")]
    [InlineData("""{"model":"grok-4","messages":[{"role":"user","content":"hi"}""")]
    [InlineData("not json")]
    public async Task Chat_without_messages_or_with_bad_json_is_400(string json)
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.PostJsonAsync(client, "chat/completions", json, HttpStatusCode.BadRequest);
        Assert.Equal("Client specified an invalid argument", body.GetProperty("code").GetString());
        Wire.AssertXaiError(body);
    }

    [Fact]
    public async Task Search_parameters_is_410_gone()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        var body = await Wire.PostJsonAsync(client, "chat/completions", Wire.Chat("news?", """ "search_parameters":{"mode":"auto"}"""), HttpStatusCode.Gone);
        Assert.Equal("Live search is deprecated. Please switch to the Agent Tools API", Wire.AssertXaiError(body));
    }

    [Fact]
    public async Task Unknown_path_and_model_are_404_in_xai_shape()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        Wire.AssertXaiError(await Wire.GetJsonAsync(client, "no-such-endpoint", HttpStatusCode.NotFound));
        Wire.AssertXaiError(await Wire.GetJsonAsync(client, "models/grok-99", HttpStatusCode.NotFound));
        Wire.AssertXaiError(await Wire.GetJsonAsync(client, "language-models/grok-99", HttpStatusCode.NotFound));
        Wire.AssertXaiError(await Wire.GetJsonAsync(client, "chat/deferred-completion/unknown-id", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Wrong_method_is_405()
    {
        await using var emulator = await GrokEmulator.StartAsync();
        using var client = Wire.Client(emulator);
        Wire.AssertXaiError(await Wire.GetJsonAsync(client, "chat/completions", HttpStatusCode.MethodNotAllowed));
    }
}
