using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Grok.Chat;

namespace Grok.Tests;

/// <summary>AddGrokClient, AddKeyedGrokClient and AddGrokChatClient over the emulator: handlers, configuration, validation.</summary>
[Collection(nameof(EnvironmentCollection))] // one test clears XAI_API_KEY
public sealed class DependencyInjectionTests : IAsyncLifetime
{
    private GrokEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await GrokEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Registering_twice_and_adding_the_chat_client_leaves_one_handler_so_a_failing_call_is_sent_MaxRetries_plus_one_times()
    {
        var services = new ServiceCollection();
        services.AddGrokClient(Configure);           // the README's block: AddGrokClient() ...
        services.AddGrokChatClient();                // ... then AddGrokChatClient()
        services.AddGrokClient();                    // and once more for good measure
        await using var provider = services.BuildServiceProvider();
        EnqueueRateLimits(10);

        var error = await Assert.ThrowsAsync<GrokApiException>(() => provider.GetRequiredService<IGrokClient>().ChatAsync("busy"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(2 + 1, _emulator.Requests.Count);
    }

    [Fact]
    public async Task Registering_a_typed_client_twice_leaves_one_handler()
    {
        var services = new ServiceCollection();
        services.AddGrokClient<EmulatorClientTests.IUserApi>(Configure);
        services.AddGrokClient<EmulatorClientTests.IUserApi>(o => o.MaxRetries = 1);
        await using var provider = services.BuildServiceProvider();
        EnqueueRateLimits(10);

        await Assert.ThrowsAsync<GrokApiException>(() =>
            provider.GetRequiredService<EmulatorClientTests.IUserApi>().AskAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("x")] }));

        Assert.Equal(1 + 1, _emulator.Requests.Count); // the second call's configure ran after the first's
    }

    [Fact]
    public async Task UseBuiltInResilience_false_leaves_the_Grok_handler_out()
    {
        var services = new ServiceCollection();
        services.AddGrokClient(o =>
        {
            Configure(o);
            o.UseBuiltInResilience = false;
        });
        await using var provider = services.BuildServiceProvider();
        EnqueueRateLimits(10);

        await Assert.ThrowsAsync<GrokApiException>(() => provider.GetRequiredService<IGrokClient>().ChatAsync("once"));

        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task The_README_standard_resilience_setup_retries_a_GET_but_never_sends_a_POST_twice()
    {
        var services = new ServiceCollection();
        services.AddGrokClient(o =>
            {
                Configure(o);
                o.UseBuiltInResilience = false;
            })
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.DisableForUnsafeHttpMethods();
                o.AttemptTimeout.Timeout = TimeSpan.FromMinutes(10);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(30);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(20);
                o.Retry.Delay = TimeSpan.FromMilliseconds(10); // the test's own: keep it quick
            });
        await using var provider = services.BuildServiceProvider();
        var grok = provider.GetRequiredService<IGrokClient>();

        _emulator.Enqueue(EmulatorResponse.Error(503, "busy"));
        await Assert.ThrowsAsync<GrokApiException>(() => grok.ChatAsync("post"));
        Assert.Single(_emulator.Requests);

        _emulator.Enqueue(EmulatorResponse.Error(503, "busy"));
        var models = await grok.ListModelsAsync();
        Assert.NotEmpty(models.Data);
        Assert.Equal(3, _emulator.Requests.Count);
    }

    [Fact]
    public async Task AddGrokChatClient_hands_the_http_client_builder_to_configureHttpClient()
    {
        var services = new ServiceCollection();
        IHttpClientBuilder? seen = null;
        services.AddGrokChatClient(Configure, "grok-4-fast", http => seen = http);
        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<Microsoft.Extensions.AI.IChatClient>());
        Assert.Equal("Grok:Grok.IGrokClient", seen?.Name);
    }

    [Fact]
    public async Task Keyed_clients_talk_to_their_own_account_and_bind_their_own_section()
    {
        await using var other = await GrokEmulator.StartAsync(new GrokEmulatorOptions { ApiKey = "xai-second-account" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grok:ApiKey"] = "xai-not-for-keyed-clients",
            ["Grok:work:ApiKey"] = _emulator.ApiKey,
            ["Grok:work:BaseAddress"] = _emulator.BaseAddress.ToString(),
            ["Grok:work:DefaultModel"] = "grok-work-model",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddKeyedGrokClient("work", _ => { });
        services.AddKeyedGrokClient("home", o =>
        {
            o.ApiKey = other.ApiKey;
            o.BaseAddress = other.BaseAddress;
            o.DefaultModel = "grok-home-model";
        });
        await using var provider = services.BuildServiceProvider();

        Assert.Equal("You said: at work", await provider.GetRequiredKeyedService<IGrokClient>("work").ChatAsync("at work"));
        Assert.Equal("You said: at home", await provider.GetRequiredKeyedService<IGrokClient>("home").ChatAsync("at home"));

        Assert.Equal("grok-work-model", (string?)JsonNode.Parse(Assert.Single(_emulator.Requests).Body)!["model"]);
        Assert.Equal("grok-home-model", (string?)JsonNode.Parse(Assert.Single(other.Requests).Body)!["model"]);
        Assert.Null(provider.GetService<IGrokClient>());
    }

    [Fact]
    public async Task A_key_rotated_in_configuration_is_used_by_clients_resolved_after_the_reload()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grok:ApiKey"] = "xai-revoked-key",
            ["Grok:BaseAddress"] = _emulator.BaseAddress.ToString(),
            ["Grok:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddGrokClient();
        await using var provider = services.BuildServiceProvider();

        var revoked = await Assert.ThrowsAsync<GrokApiException>(() => provider.GetRequiredService<IGrokClient>().ChatAsync("before"));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);

        configuration["Grok:ApiKey"] = _emulator.ApiKey;
        configuration.Reload();

        Assert.Equal("You said: after", await provider.GetRequiredService<IGrokClient>().ChatAsync("after"));
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_fails_at_host_start_naming_BaseAddress()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddGrokClient(o =>
        {
            o.ApiKey = "xai-some-key";
            o.BaseAddress = new Uri("http://api.example.com/v1/");
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("GrokClientOptions.BaseAddress", error.Message);
        Assert.Contains("clear text", error.Message);
        Assert.Equal("Grok:Grok.IGrokClient", error.OptionsName);
    }

    [Fact]
    public async Task A_missing_key_fails_at_host_start_naming_ApiKey()
    {
        var saved = Environment.GetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable, null);
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Services.AddKeyedGrokClient("work", o => o.BaseAddress = _emulator.BaseAddress);
            using var host = builder.Build();

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("GrokClientOptions.ApiKey", error.Message);
            Assert.Contains("XAI_API_KEY", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(GrokClientOptions.ApiKeyEnvironmentVariable, saved);
        }
    }

    [Fact]
    public async Task A_valid_configuration_starts_the_host_and_serves_calls()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grok:ApiKey"] = _emulator.ApiKey,
            ["Grok:BaseAddress"] = _emulator.BaseAddress.ToString(),
            ["Grok:Timeout"] = "00:01:00",
            ["Grok:UseBuiltInResilience"] = "true",
        });
        builder.Services.AddGrokClient();
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            Assert.Equal("You said: hosted", await host.Services.GetRequiredService<IGrokClient>().ChatAsync("hosted"));
            var options = host.Services.GetRequiredService<IOptionsMonitor<GrokClientOptions>>().Get("Grok:Grok.IGrokClient");
            Assert.Equal(TimeSpan.FromMinutes(1), options.Timeout);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Every_setting_of_GrokClientOptions_that_configuration_can_hold_has_a_configuration_key()
    {
        var keys = typeof(Grok.DependencyInjection.GrokClientOptionsSection).GetProperties().Select(p => p.Name).ToHashSet();
        var settings = typeof(GrokClientOptions).GetProperties()
            .Where(p => p.CanWrite && p.Name is not (nameof(GrokClientOptions.JsonSerializerOptions) or nameof(GrokClientOptions.LoggerFactory)))
            .Select(p => p.Name);

        Assert.All(settings, name => Assert.Contains(name, keys));
    }

    [Fact]
    public async Task An_out_of_range_configuration_value_fails_at_host_start_naming_the_property()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grok:ApiKey"] = _emulator.ApiKey,
            ["Grok:BaseAddress"] = _emulator.BaseAddress.ToString(),
            ["Grok:MaxRetries"] = "11",
        });
        builder.Services.AddGrokClient();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MaxRetries", error.Message);
    }

    private void Configure(GrokClientOptions options)
    {
        options.ApiKey = _emulator.ApiKey;
        options.BaseAddress = _emulator.BaseAddress;
        options.MaxRetries = 2;
    }

    private void EnqueueRateLimits(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _emulator.Enqueue(EmulatorResponse.RateLimited(TimeSpan.FromMilliseconds(5)));
        }
    }
}
