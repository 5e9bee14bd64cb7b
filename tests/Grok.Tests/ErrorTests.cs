using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Grok.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task Xai_error_body_becomes_GrokApiException_with_code_message_and_request_id()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["x-request-id"] = "req-123";
            return LoopbackServer.WriteJsonAsync(
                context,
                """{"code":"Client specified an invalid argument","error":"Incorrect API key provided: xa***89. You can obtain an API key from https://console.x.ai."}""",
                400);
        });
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.IsAssignableFrom<Refit.ApiException>(error);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Client specified an invalid argument", error.ErrorCode);
        Assert.StartsWith("Incorrect API key provided", error.ErrorMessage);
        Assert.Equal("req-123", error.RequestId);
        Assert.Equal("xAI API returned 400 (Bad Request): " + error.ErrorMessage, error.Message);
        Assert.Contains("Incorrect API key", error.Content);
    }

    [Fact]
    public async Task OpenAI_nested_error_shape_is_understood()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"error":{"message":"model not found","type":"invalid_request_error","code":"model_not_found"}}""", 404);
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal("model not found", error.ErrorMessage);
        Assert.Equal("model_not_found", error.ErrorCode);
        Assert.Equal("xAI API returned 404 (Not Found): model not found", error.Message);
    }

    [Fact]
    public async Task Html_502_page_is_a_GrokApiException_not_a_JsonException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
        });
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorMessage);
        Assert.StartsWith("xAI API returned 502 (Bad Gateway)", error.Message);
        Assert.Contains("502 Bad Gateway</h1>", error.Content);
    }

    [Fact]
    public async Task Empty_error_body_is_a_GrokApiException()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("empty body", error.Message);
    }

    [Fact]
    public async Task Html_200_answer_to_a_json_method_is_a_GrokApiException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>captive portal</html>");
        });
        var chat = TestClients.Create<ITestChat>(server);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task Echoed_api_key_is_redacted_from_content_message_and_ToString()
    {
        const string key = "xai-very-secret-key-42";
        await using var server = await LoopbackServer.StartJsonAsync($$"""{"code":"bad","error":"Incorrect API key provided: {{key}}"}""", 401);
        var chat = TestClients.Create<ITestChat>(server, key);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.DoesNotContain(key, error.Message);
        Assert.DoesNotContain(key, error.Content);
        Assert.DoesNotContain(key, error.ToString());
        Assert.DoesNotContain(key, error.ErrorMessage);
        Assert.Contains(GrokApiException.RedactionMark, error.Content);
    }

    [Fact]
    public async Task Echoed_api_key_is_redacted_in_streaming_errors_too()
    {
        const string key = "xai-streaming-secret-7";
        await using var server = await LoopbackServer.StartJsonAsync($$"""{"error":"bad key {{key}}"}""", 400);
        var chat = TestClients.Create<ITestChat>(server, key);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskStreamingAsync(new Question()).ToListAsync().AsTask());

        Assert.DoesNotContain(key, error.ToString());
        Assert.DoesNotContain(key, error.Content);
    }

    [Fact]
    public async Task Response_without_a_request_message_still_gives_a_GrokApiException()
    {
        using var response = new System.Net.Http.HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new System.Net.Http.StringContent("""{"code":"x","error":"upstream"}"""),
        };

        var error = await GrokApiException.CreateAsync(response, new Refit.RefitSettings());

        Assert.Equal("upstream", error.ErrorMessage);
        Assert.Equal("xAI API returned 502 (Bad Gateway): upstream", error.Message);
    }

    [Fact]
    public async Task Cancellation_surfaces_as_OperationCanceledException_unwrapped()
    {
        await using var server = await LoopbackServer.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        var chat = TestClients.Create<ITestChat>(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var error = await Record.ExceptionAsync(() => chat.AskAsync(new Question(), cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.IsNotAssignableFrom<Refit.ApiException>(error);
    }
}
