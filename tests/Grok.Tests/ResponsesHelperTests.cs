using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Grok.Responses;

namespace Grok.Tests;

/// <summary>The Responses helpers against the emulator: one-call answers, structured output, the function loop, conversations.</summary>
public sealed class ResponsesHelperTests : IAsyncLifetime
{
    private static readonly Dictionary<string, Func<string, CancellationToken, Task<string>>> Weather = new()
    {
        ["get_weather"] = (arguments, _) => Task.FromResult("""{"celsius":21}"""),
    };

    private GrokEmulator _emulator = null!;
    private IGrokClient _grok = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GrokEmulator.StartAsync();
        var options = _emulator.CreateClientOptions();
        options.DefaultModel = "grok-4.3";
        _grok = GrokClient.Create<IGrokClient>(options);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task RespondAsync_returns_the_answers_text()
    {
        Assert.Equal("You said: Hello", await _grok.RespondAsync("Hello"));
    }

    [Fact]
    public async Task Structured_response_sends_a_flat_json_schema_and_reads_the_answer_as_the_type()
    {
        var request = new ResponseRequest { Input = "Describe a city" };

        var city = await _grok.CreateStructuredResponseAsync<City>(request);

        Assert.NotNull(city.Name);
        Assert.Null(request.Text);
        using var sent = JsonDocument.Parse(_emulator.Requests[^1].Body);
        var format = sent.RootElement.GetProperty("text").GetProperty("format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("City", format.GetProperty("name").GetString());
        Assert.True(format.GetProperty("strict").GetBoolean());
        Assert.Equal("object", format.GetProperty("schema").GetProperty("type").GetString());
        Assert.False(format.TryGetProperty("json_schema", out _));
    }

    [Fact]
    public async Task Function_loop_runs_the_function_and_continues_with_previous_response_id_until_a_text_answer()
    {
        var request = new ResponseRequest
        {
            Input = "Weather in Paris?",
            Instructions = "Be brief.",
            Tools = [ResponseTool.Function<WeatherArguments>("get_weather", "Weather of a city")],
        };

        var answer = await _grok.RunWithFunctionsAsync(request, Weather);

        Assert.Equal("""The function get_weather returned: {"celsius":21}""", answer.OutputText);
        var requests = _emulator.Requests.Where(r => r.Path.EndsWith("/responses", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        using var second = JsonDocument.Parse(requests[1].Body);
        Assert.False(string.IsNullOrEmpty(second.RootElement.GetProperty("previous_response_id").GetString()));
        Assert.False(second.RootElement.TryGetProperty("instructions", out _));
        var output = Assert.Single(second.RootElement.GetProperty("input").EnumerateArray());
        Assert.Equal("function_call_output", output.GetProperty("type").GetString());
        Assert.Equal("""{"celsius":21}""", output.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Function_loop_without_storage_sends_the_whole_conversation_back()
    {
        var request = new ResponseRequest
        {
            Input = "Weather in Paris?",
            Store = false,
            Tools = [ResponseTool.Function<WeatherArguments>("get_weather", "Weather of a city")],
        };

        var answer = await _grok.RunWithFunctionsAsync(request, Weather);

        Assert.StartsWith("The function get_weather returned", answer.OutputText);
        using var second = JsonDocument.Parse(_emulator.Requests[^1].Body);
        Assert.False(second.RootElement.TryGetProperty("previous_response_id", out _));
        Assert.Equal(["message", "function_call", "function_call_output"], second.RootElement.GetProperty("input").EnumerateArray().Select(i => i.TryGetProperty("type", out var t) ? t.GetString() : "message"));
    }

    [Fact]
    public async Task Function_loop_is_bounded_and_answers_unknown_functions_with_an_error()
    {
        var request = new ResponseRequest { Input = "x", Tools = [ResponseTool.Function<WeatherArguments>("get_weather", null)] };

        var bounded = await Assert.ThrowsAsync<InvalidOperationException>(() => _grok.RunWithFunctionsAsync(request, Weather, maxTurns: 1));
        var answer = await _grok.RunWithFunctionsAsync(request, new Dictionary<string, Func<string, CancellationToken, Task<string>>>());

        Assert.Contains("get_weather", bounded.Message);
        Assert.Contains("No function named get_weather", answer.OutputText);
    }

    [Fact]
    public async Task Function_loop_cancels_a_running_function()
    {
        using var cts = new CancellationTokenSource();
        var functions = new Dictionary<string, Func<string, CancellationToken, Task<string>>>
        {
            ["get_weather"] = async (_, token) =>
            {
                await cts.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
                return "";
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _grok.RunWithFunctionsAsync(
            new ResponseRequest { Input = "x", Tools = [ResponseTool.Function<WeatherArguments>("get_weather", null)] }, functions, cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Conversation_carries_previous_response_id_and_sends_instructions_once()
    {
        var conversation = _grok.StartConversation(instructions: "Be brief.");

        var first = await conversation.AskAsync("My name is Ada");
        var firstId = conversation.LastResponseId;
        var second = await conversation.AskAsync("What is my name?");
        var streamed = await conversation.StreamAsync("And again?").ToResponseAsync();

        Assert.Equal("You said: My name is Ada", first);
        Assert.Equal("You said: What is my name? Before that you said: My name is Ada", second);
        Assert.Equal(streamed.Id, conversation.LastResponseId);
        Assert.NotEqual(firstId, conversation.LastResponseId);
        var bodies = _emulator.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal("Be brief.", bodies[0].GetProperty("instructions").GetString());
        Assert.False(bodies[1].TryGetProperty("instructions", out _));
        Assert.Equal(firstId, bodies[1].GetProperty("previous_response_id").GetString());
        conversation.Reset();
        Assert.Null(conversation.LastResponseId);
    }

    [Fact]
    public async Task ForEachTextAsync_passes_each_text_delta_and_returns_the_folded_response()
    {
        var text = new StringBuilder();

        var response = await _grok.StreamResponseAsync(new ResponseRequest { Input = "one two three" }).ForEachTextAsync(piece => text.Append(piece));

        Assert.Equal("You said: one two three", text.ToString());
        Assert.Equal(text.ToString(), response.OutputText);
    }

    public sealed class City
    {
        public string Name { get; set; } = "";

        public int Population { get; set; }
    }

    public sealed class WeatherArguments
    {
        public string City { get; set; } = "";
    }
}
