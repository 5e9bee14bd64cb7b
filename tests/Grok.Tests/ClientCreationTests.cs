using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Refit;

namespace Grok.Tests;

/// <summary>Tests that read or change XAI_API_KEY run alone: the variable is process-wide.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection
{
}

[Collection(nameof(EnvironmentCollection))]
public sealed class ClientCreationTests
{
    [Fact]
    public void No_key_anywhere_throws_InvalidOperationException_naming_ApiKey_and_XAI_API_KEY()
    {
        using var _ = new EnvironmentVariable("XAI_API_KEY", null);

        var error = Assert.Throws<InvalidOperationException>(() => GrokClient.Create<ITestChat>(new GrokClientOptions()));

        Assert.Contains("GrokClientOptions.ApiKey", error.Message);
        Assert.Contains("XAI_API_KEY", error.Message);
    }

    [Fact]
    public async Task Key_comes_from_XAI_API_KEY_when_ApiKey_is_null()
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        using var _ = new EnvironmentVariable("XAI_API_KEY", "xai-from-env");

        var chat = GrokClient.Create<ITestChat>(new GrokClientOptions { BaseAddress = server.BaseAddress });
        await chat.AskAsync(new Question());

        Assert.Equal("Bearer xai-from-env", server.SingleRequest.Authorization);
    }

    [Theory]
    [InlineData("xai-abc\n")]
    [InlineData("xai-a\u0000bc")]
    [InlineData("xai-\u00e9t\u00e9")]
    [InlineData("xai abc")]
    public void Key_with_control_whitespace_or_non_ascii_characters_throws_ArgumentException_without_the_key(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => GrokClient.Create<ITestChat>(new GrokClientOptions { ApiKey = key }));

        Assert.DoesNotContain(key.Trim(), error.ToString());
        Assert.Contains("XAI_API_KEY", error.Message);
    }

    [Theory]
    [InlineData("http://api.x.ai/v1/")]
    [InlineData("http://10.0.0.5:8080/v1/")]
    [InlineData("ftp://api.x.ai/v1/")]
    public void Plain_http_to_a_host_that_is_not_loopback_is_refused(string address)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GrokClient.Create<ITestChat>(new GrokClientOptions { ApiKey = TestClients.Key, BaseAddress = new Uri(address) }));

        Assert.Contains("clear text", error.Message);
    }

    [Theory]
    [InlineData("https://api.x.ai/v1/")]
    [InlineData("https://api.x.ai/v1")]
    [InlineData("http://127.0.0.1:5000/v1/")]
    [InlineData("http://localhost:5000/v1/")]
    [InlineData("http://[::1]:5000/v1/")]
    public void Https_and_loopback_http_are_accepted(string address)
    {
        var chat = GrokClient.Create<ITestChat>(new GrokClientOptions { ApiKey = TestClients.Key, BaseAddress = new Uri(address) });

        Assert.NotNull(chat);
    }

    [Fact]
    public void Plain_http_through_a_callers_HttpClient_is_refused_too()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://example.com/v1/") };

        Assert.Throws<ArgumentException>(() => GrokClient.Create<ITestChat>(http, new GrokClientOptions { ApiKey = TestClients.Key }));
    }

    [Fact]
    public async Task Callers_HttpClient_BaseAddress_wins_over_options()
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var chat = GrokClient.Create<ITestChat>(http, new GrokClientOptions { ApiKey = TestClients.Key, BaseAddress = new Uri("https://api.x.ai/v1/") });
        await chat.AskAsync(new Question());

        Assert.Equal("/v1/chat/completions", server.SingleRequest.Path);
        Assert.Equal("Bearer " + TestClients.Key, server.SingleRequest.Authorization);
        Assert.Null(http.DefaultRequestHeaders.Authorization); // the caller's client is not changed
    }

    [Fact]
    public async Task Callers_HttpClient_without_BaseAddress_gets_the_options_address()
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        using var http = new HttpClient();

        var chat = GrokClient.Create<ITestChat>(http, TestClients.Options(server));
        await chat.AskAsync(new Question());

        Assert.Equal("/v1/chat/completions", server.SingleRequest.Path);
    }

    [Fact]
    public async Task Refit_RestService_For_uses_the_AuthorizationHeaderValueGetter()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"id":"refit"}""");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var settings = new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult("xai-from-getter") };

        var chat = RestService.For<ITestChat>(http, settings);
        var answer = await chat.AskAsync(new Question());

        Assert.Equal("refit", answer.Id);
        Assert.Equal("Bearer xai-from-getter", server.SingleRequest.Authorization);
    }

    [Fact]
    public async Task Refit_RestService_For_keeps_an_Authorization_header_already_on_the_HttpClient()
    {
        await using var server = await LoopbackServer.StartJsonAsync("{}");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "xai-on-client");

        var chat = RestService.For<ITestChat>(http, new RefitSettings());
        var streamError = await Record.ExceptionAsync(() => chat.AskStreamingRawAsync(new Question()).ToListAsync().AsTask());
        var plainError = await Record.ExceptionAsync(() => chat.AskAsync(new Question()));

        Assert.Null(plainError);
        Assert.IsType<GrokApiException>(streamError); // the server answers JSON, not events

        Assert.All(server.Requests, r => Assert.Equal("Bearer xai-on-client", r.Authorization));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Refit_RestService_For_copies_the_callers_settings_and_never_changes_them()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"code":"c","error":"copied"}""", 400);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var settings = new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult("xai-caller") };
        var exceptionFactory = settings.ExceptionFactory;
        var deserializationFactory = settings.DeserializationExceptionFactory;
        var transportFactory = settings.TransportExceptionFactory;

        var chat = RestService.For<ITestChat>(http, settings);
        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal("copied", error.ErrorMessage);
        Assert.Same(exceptionFactory, settings.ExceptionFactory);
        Assert.Same(deserializationFactory, settings.DeserializationExceptionFactory);
        Assert.Same(transportFactory, settings.TransportExceptionFactory);
    }

    [Fact]
    public async Task Refit_RestService_For_keeps_an_exception_factory_of_the_callers_own()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"code":"c","error":"e"}""", 418);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var settings = new RefitSettings
        {
            AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult("xai-caller"),
            ExceptionFactory = response => ValueTask.FromResult<Exception?>(response.IsSuccessStatusCode ? null : new InvalidOperationException("mine")),
        };

        var chat = RestService.For<ITestChat>(http, settings);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => chat.AskAsync(new Question()));

        Assert.Equal("mine", error.Message);
    }

    [Fact]
    public async Task Refit_RestService_For_falls_back_to_XAI_API_KEY_and_maps_errors_to_GrokApiException()
    {
        await using var server = await LoopbackServer.StartJsonAsync("""{"code":"c","error":"e"}""", 400);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var _ = new EnvironmentVariable("XAI_API_KEY", "xai-env-for-refit");

        var chat = RestService.For<ITestChat>(http, new RefitSettings());
        var error = await Assert.ThrowsAsync<GrokApiException>(() => chat.AskAsync(new Question()));

        Assert.Equal("e", error.ErrorMessage);
        Assert.Equal("Bearer xai-env-for-refit", server.SingleRequest.Authorization);
    }

    [Fact]
    public void Refit_RestService_For_without_any_key_throws_InvalidOperationException()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://api.x.ai/v1/") };
        using var _ = new EnvironmentVariable("XAI_API_KEY", null);

        var error = Assert.Throws<InvalidOperationException>(() => RestService.For<ITestChat>(http, new RefitSettings()));

        Assert.Contains("XAI_API_KEY", error.Message);
    }

    [Fact]
    public void Options_ToString_never_shows_the_key()
    {
        var options = new GrokClientOptions { ApiKey = "xai-super-secret" };

        Assert.DoesNotContain("xai-super-secret", options.ToString());
        Assert.Contains("api.x.ai", options.ToString());
    }

    [Fact]
    public void Interface_without_generated_implementation_gives_an_actionable_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GrokClient.Create<IDisposable>(new GrokClientOptions { ApiKey = TestClients.Key }));

        Assert.Contains("[GrokEndpoint]", error.Message);
    }

    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string? value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
