using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Grok.Tests;

public sealed class EndpointBindingTests
{
    [Fact]
    public async Task Post_sends_snake_case_json_body_without_nulls_with_bearer_and_content_type()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"id":"a1","text":"hi","unknown_field":1}""");
        var chat = TestClients.Create<ITestChat>(server);

        var answer = await chat.AskAsync(new Question { Model = "grok-4", Prompt = "Hello" });

        Assert.Equal("a1", answer.Id);
        Assert.Equal("hi", answer.Text);
        var request = server.SingleRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + TestClients.Key, request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("""{"model":"grok-4","prompt":"Hello"}""", request.Body);
    }

    [Theory]
    [InlineData("v1/")]
    [InlineData("v1")]
    public async Task Paths_land_under_the_base_address_path_with_or_without_slashes(string basePath)
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"text":"ok"}""");
        var options = TestClients.Options(server);
        options.BaseAddress = new Uri(server.Root, basePath);
        var chat = GrokClient.Create<ITestChat>(options);

        await chat.AskAsync(new Question());
        await chat.AskStreamingStreamAsync(new Question()); // declared with a leading '/'

        Assert.All(server.Requests, r => Assert.Equal("/v1/chat/completions", r.Path));
    }

    [Fact]
    public async Task Path_placeholder_is_url_escaped()
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        var api = TestClients.Create<IEchoApi>(server);

        await api.GetAsync("a/b c?");

        Assert.Equal("/v1/echo/a%2Fb%20c%3F", server.SingleRequest.RawTarget);
    }

    [Fact]
    public async Task Query_leaves_out_nulls_and_formats_invariantly_with_lowercase_bools_enum_json_names_and_aliases()
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        var api = TestClients.Create<IEchoApi>(server);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            await api.QueryAsync(7, filter: null, limit: 25, verbose: true, flavor: Flavor.ExtraSpicy, ratio: 1.5, order: "a&b");
            await api.QueryAsync(8, filter: "x", limit: null, verbose: false, flavor: null, ratio: -0.25);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var requests = server.Requests.ToArray();
        Assert.Equal("/v1/echo/7/items", requests[0].Path);
        Assert.Equal("?max_items=25&verbose=true&flavor=extra_spicy&ratio=1.5&order=a%26b", requests[0].Query);
        Assert.Equal("?filter=x&verbose=false&ratio=-0.25", requests[1].Query);
    }

    [Fact]
    public async Task Header_parameter_is_sent_and_put_body_is_json()
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        var api = TestClients.Create<IEchoApi>(server);

        await api.PutAsync("x", new Question { Prompt = "p" }, "trace-1");

        var request = server.SingleRequest;
        Assert.Equal("PUT", request.Method);
        Assert.Equal("trace-1", request.Headers["X-Trace"]);
        Assert.Equal("""{"prompt":"p"}""", request.Body);
    }

    [Fact]
    public async Task Delete_returning_task_completes_on_2xx_and_throws_GrokApiException_otherwise()
    {
        var status = 204;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        var api = TestClients.Create<IEchoApi>(server);

        await api.DeleteAsync("gone", trace: "t");
        status = 404;
        var error = await Assert.ThrowsAsync<GrokApiException>(() => api.DeleteAsync("gone"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("DELETE", server.Requests.ToArray()[0].Method);
        Assert.Equal("t", server.Requests.ToArray()[0].Headers["X-Trace"]);
        Assert.False(server.Requests.ToArray()[1].Headers.ContainsKey("X-Trace"));
    }

    [Fact]
    public async Task ApiResponse_does_not_throw_on_error_and_carries_a_GrokApiException()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"code":"bad","error":"nope"}""", 400);
        var chat = TestClients.Create<ITestChat>(server);

        using var response = await chat.AskWithResponseAsync(new Question());

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.IsType<GrokApiException>(response.Error);
        Assert.Equal("nope", error.ErrorMessage);
    }

    [Fact]
    public async Task ApiResponse_carries_content_on_success()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"id":"r"}""");
        var chat = TestClients.Create<ITestChat>(server);

        using var response = await chat.AskWithResponseAsync(new Question());

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("r", response.Content!.Id);
    }

    [Fact]
    public async Task HttpResponseMessage_is_handed_over_without_status_check()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"error":"teapot"}""", 418);
        var api = TestClients.Create<IEchoApi>(server);

        using var response = await api.PatchAsync(new Question { Model = "m" });

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Contains("teapot", await response.Content.ReadAsStringAsync());
        Assert.Equal("PATCH", server.SingleRequest.Method);
    }

    [Fact]
    public async Task Stream_return_gives_the_raw_body()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("raw bytes"));
        var api = TestClients.Create<IEchoApi>(server);

        await using var stream = await api.RawAsync();
        using var reader = new StreamReader(stream);

        Assert.Equal("raw bytes", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Parameters_named_like_generated_members_and_overloads_work()
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        var api = TestClients.Create<IEchoApi>(server);

        await api.ShadowAsync("c1", "s1", new Question { Prompt = "q" }, Settings: true);
        await api.GetAsync(5);

        var requests = server.Requests.ToArray();
        Assert.Equal("/v1/echo/c1", requests[0].Path);
        Assert.Equal("?this=true", requests[0].Query);
        Assert.Equal("s1", requests[0].Headers["X-Settings"]);
        Assert.Equal("""{"prompt":"q"}""", requests[0].Body);
        Assert.Equal("/v1/echo/5/overload", requests[1].Path);
    }

    [Fact]
    public async Task String_return_gives_the_body_text()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"data":[1,2]}""");
        var api = TestClients.Create<IEchoApi>(server);

        Assert.Equal("""{"data":[1,2]}""", await api.TextAsync());
    }

    [Fact]
    public async Task Interface_that_only_inherits_endpoints_implements_all_of_them()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"method":"x"}""");
        var api = TestClients.Create<ICombinedApi>(server);

        await api.ListAsync();
        await api.GetAsync("1");
        await ((IEchoModels)api).ListAsync();

        Assert.Equal(new[] { "/v1/models", "/v1/echo/1", "/v1/models" }, server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task CancellationToken_cancels_a_slow_call_with_OperationCanceledException()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        var chat = TestClients.Create<ITestChat>(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chat.AskAsync(new Question(), cts.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Unknown_response_members_do_not_break_parsing()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"id":"1","brand_new":{"nested":[1,2]},"text":null}""");
        var chat = TestClients.Create<ITestChat>(server);

        var answer = await chat.AskAsync(new Question());

        Assert.Equal("1", answer.Id);
    }
}
