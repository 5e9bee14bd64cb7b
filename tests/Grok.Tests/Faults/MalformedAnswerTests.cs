using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Grok.Chat;
using Microsoft.AspNetCore.Http;

namespace Grok.Tests.Faults;

/// <summary>
/// Malformed answers and hostile inputs surface as the library's documented exceptions, never as
/// NullReferenceException, OverflowException or ArgumentOutOfRangeException from inside it; requests never leave the
/// base address's path; clients release what they own.
/// </summary>
public sealed class MalformedAnswerTests
{
    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Path_value_dot_or_dotdot_is_refused_before_anything_is_sent(string id)
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"id":"x"}""");
        var api = TestClients.Create<IFaultApi>(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => api.GetItemInfoAsync(id));

        Assert.Equal("id", error.ParamName);
        Assert.Empty(server.Requests);
        Assert.Equal("x", (await api.GetItemInfoAsync("...")).Id); // not a dot segment: escaped and sent
        Assert.EndsWith("/v1/items/.../info", server.SingleRequest.Path);
    }

    [Theory]
    [InlineData("models/../../info")]
    [InlineData("./models")]
    [InlineData("models/%2e%2e/secret")]
    [InlineData("models\\..\\secret")]
    public async Task Raw_SendAsync_refuses_dot_segments_before_anything_is_sent(string path)
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        var grok = GrokClient.Create<IGrokClient>(TestClients.Options(server));

        await Assert.ThrowsAsync<ArgumentException>(() => grok.SendAsync(HttpMethod.Get, path));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Choices_null_is_a_GrokApiException_from_the_call_and_from_ChatAsync()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"id":"c","object":"chat.completion","created":1,"model":"m","choices":null}""");
        var grok = GrokClient.Create<IGrokClient>(TestClients.Options(server));

        var call = await Record.ExceptionAsync(() => grok.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("hi")] }));
        var chat = await Record.ExceptionAsync(() => grok.ChatAsync("hi"));

        Assert.Contains("choices", Assert.IsType<GrokApiException>(call).Message);
        Assert.IsType<GrokApiException>(chat);
    }

    [Theory]
    [InlineData("""{"id":"r","object":"response","status":"completed","output":null}""")]
    [InlineData("""{"id":"r","object":"response","status":"completed","output":[null]}""")]
    public async Task Response_output_null_is_a_GrokApiException_from_the_call_and_from_the_chat_client(string body)
    {
        await using var server = await LoopbackServer.StartJsonAsync(body);
        var grok = GrokClient.Create<IGrokClient>(TestClients.Options(server));

        var call = await Record.ExceptionAsync(() => grok.CreateResponseAsync(new Grok.Responses.ResponseRequest { Input = "hi" }));
        var chat = await Record.ExceptionAsync(() => Microsoft.Extensions.AI.ChatClientExtensions.GetResponseAsync(
            Microsoft.Extensions.AI.GrokAIExtensions.AsIChatClient(grok), "hi"));

        Assert.Contains("output", Assert.IsType<GrokApiException>(call).Message);
        Assert.IsType<GrokApiException>(chat);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("   ")]
    public async Task Empty_or_null_2xx_body_where_a_result_is_expected_is_a_GrokApiException(string body)
    {
        await using var server = await LoopbackServer.StartJsonAsync(body);
        var grok = GrokClient.Create<IGrokClient>(TestClients.Options(server));

        var error = await Record.ExceptionAsync(() => grok.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("hi")] }));

        Assert.Equal(HttpStatusCode.OK, Assert.IsType<GrokApiException>(error).StatusCode);
    }

    [Fact]
    public async Task Pending_202_without_a_body_returns_null_only_where_the_result_is_declared_nullable()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 202;
            return Task.CompletedTask;
        });
        var grok = GrokClient.Create<IGrokClient>(TestClients.Options(server));

        Assert.Null(await grok.GetDeferredChatCompletionAsync("r1"));
        var error = await Record.ExceptionAsync(() => grok.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("hi")] }));
        Assert.Equal(HttpStatusCode.Accepted, Assert.IsType<GrokApiException>(error).StatusCode); // declared non-null: unusable
    }

    [Fact]
    public async Task Corrupt_gzip_2xx_body_is_a_GrokApiException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3 });
        });
        var chat = TestClients.Create<ITestChat>(server);

        await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));
    }

    [Fact]
    public async Task Out_of_range_created_does_not_throw_from_the_models()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Headers.Accept.ToString().Contains("event-stream")
            ? LoopbackServer.WriteEventsAsync(context, """data: {"id":"c","created":99999999999999,"choices":[{"index":0,"delta":{"content":"hi"}}]}""" + "\n\n", "data: [DONE]\n\n")
            : LoopbackServer.WriteJsonAsync(context, """{"id":"c","created":99999999999999,"choices":[{"index":0,"message":{"role":"assistant","content":"hi"}}]}"""));
        var grok = GrokClient.Create<IGrokClient>(TestClients.Options(server));
        var request = new ChatCompletionRequest { Messages = [ChatMessage.User("hi")] };

        var plain = await grok.CreateChatCompletionAsync(request);
        var folded = await grok.StreamChatCompletionAsync(request).ToChatCompletionAsync();

        Assert.Null(plain.CreatedAt);
        Assert.Null(folded.CreatedAt);
        Assert.Equal("hi", folded.Content);
    }

    [Fact]
    public async Task Stream_fold_survives_null_choices_null_entries_and_null_tool_calls()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(
            context,
            """data: {"id":"c","choices":null}""" + "\n\n",
            """data: {"id":"c","choices":[null]}""" + "\n\n",
            """data: {"id":"c","choices":[{"index":0,"delta":{"content":"a","tool_calls":[null]}}]}""" + "\n\n",
            """data: {"id":"c","choices":[{"index":0,"delta":null,"finish_reason":"stop"}]}""" + "\n\n",
            "data: [DONE]\n\n"));
        var grok = GrokClient.Create<IGrokClient>(TestClients.Options(server));

        var folded = await grok.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("hi")] }).ToChatCompletionAsync();

        Assert.Equal("a", folded.Content);
        Assert.Equal("stop", folded.Choices.Single().FinishReason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    public async Task Deferred_poll_interval_under_100_ms_is_refused_before_polling(int milliseconds)
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        var grok = GrokClient.Create<IGrokClient>(TestClients.Options(server));

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grok.WaitForDeferredChatCompletionAsync("r1", TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Equal("pollInterval", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Client_made_by_Create_is_disposable_and_releases_its_own_HttpClient()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"id":"ok"}""");
        var chat = TestClients.Create<ITestChat>(server);
        var grok = GrokClient.Create<IGrokClient>(TestClients.Options(server));
        Assert.Equal("ok", (await chat.AskAsync(new Question())).Id);

        ((IDisposable)chat).Dispose();
        grok.Dispose();
        grok.Dispose(); // twice is fine

        await Assert.ThrowsAsync<ObjectDisposedException>(() => chat.AskAsync(new Question()));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => grok.ListModelsAsync());
    }

    [Fact]
    public async Task Client_over_a_callers_HttpClient_leaves_it_alone_when_disposed()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"id":"ok"}""");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var options = TestClients.Options(server);

        using (var grok = GrokClient.Create<IGrokClient>(http, options))
        {
            Assert.NotNull(grok);
        }

        ((IDisposable)GrokClient.Create<ITestChat>(http, options)).Dispose();
        var again = GrokClient.Create<ITestChat>(http, options);
        Assert.Equal("ok", (await again.AskAsync(new Question())).Id);
        using var raw = await http.GetAsync("x");
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
    }
}
