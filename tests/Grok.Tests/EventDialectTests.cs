using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.ServerSentEvents;
using System.Threading;
using System.Threading.Tasks;

namespace Grok.Tests;

/// <summary>
/// The two stream dialects the reader understands: chat's <c>data:</c> frames ending with <c>[DONE]</c>, and the
/// Responses API's named events ending with a terminal event (with or without <c>[DONE]</c> after it).
/// </summary>
public sealed class EventDialectTests
{
    public interface IEventApi
    {
        [GrokEndpoint("POST", "responses", Stream = true)]
        IAsyncEnumerable<TypedEvent> StreamAsync(Question body, CancellationToken cancellationToken = default);

        [GrokEndpoint("POST", "responses", Stream = true)]
        IAsyncEnumerable<SseItem<TypedEvent>> StreamItemsAsync(Question body, CancellationToken cancellationToken = default);

        [GrokEndpoint("POST", "responses", Stream = true)]
        IAsyncEnumerable<SseItem<string>> StreamRawItemsAsync(Question body, CancellationToken cancellationToken = default);
    }

    public sealed class TypedEvent
    {
        public string? Type { get; set; }

        public string? Delta { get; set; }
    }

    private static string[] Responses(bool eventLines, bool done, string terminal = "response.completed")
    {
        string Frame(string type, string json) => (eventLines ? $"event: {type}\n" : "") + $"data: {json}\n\n";
        var frames = new List<string>
        {
            Frame("response.created", "{\"type\":\"response.created\",\"sequence_number\":0}"),
            Frame("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}"),
            Frame(terminal, $"{{\"type\":\"{terminal}\",\"sequence_number\":2}}"),
        };
        if (done)
        {
            frames.Add("data: [DONE]\n\n");
        }

        return [.. frames];
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task A_Responses_stream_ends_cleanly_after_its_terminal_event_in_every_framing(bool eventLines, bool done)
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, Responses(eventLines, done)));
        var api = TestClients.Create<IEventApi>(server);

        var events = await api.StreamAsync(new Question()).ToListAsync();

        Assert.Equal(["response.created", "response.output_text.delta", "response.completed"], events.Select(e => e.Type));
    }

    [Theory]
    [InlineData("response.failed")]
    [InlineData("response.incomplete")]
    public async Task Failed_and_incomplete_are_terminal_events_too(string terminal)
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, Responses(true, false, terminal)));
        var api = TestClients.Create<IEventApi>(server);

        var events = await api.StreamAsync(new Question()).ToListAsync();

        Assert.Equal(terminal, events[^1].Type);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_Responses_stream_cut_before_its_terminal_event_throws_GrokStreamException(bool eventLines)
    {
        var cut = Responses(eventLines, done: false)[..2];
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, cut));
        var api = TestClients.Create<IEventApi>(server);
        var seen = new List<TypedEvent>();

        var error = await Assert.ThrowsAsync<GrokStreamException>(async () =>
        {
            await foreach (var item in api.StreamAsync(new Question()))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(2, seen.Count);
        Assert.Equal(2, error.EventsReceived);
        Assert.Contains("terminal event", error.Message);
    }

    [Fact]
    public async Task Events_after_a_terminal_event_are_still_yielded_and_the_stream_must_end_properly_again()
    {
        string[] frames =
        [
            "data: {\"type\":\"response.completed\"}\n\n",
            "data: {\"type\":\"response.output_text.delta\",\"delta\":\"late\"}\n\n",
        ];
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, frames));
        var api = TestClients.Create<IEventApi>(server);

        await Assert.ThrowsAsync<GrokStreamException>(async () => await api.StreamAsync(new Question()).ToListAsync());
    }

    [Fact]
    public async Task SseItem_yields_each_event_with_its_name_and_message_when_unnamed()
    {
        string[] frames =
        [
            "event: response.created\ndata: {\"type\":\"response.created\"}\n\n",
            "data: {\"type\":\"response.output_text.delta\",\"delta\":\"x\"}\n\n",
            "event: response.completed\ndata: {\"type\":\"response.completed\"}\n\n",
        ];
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, frames));
        var api = TestClients.Create<IEventApi>(server);

        var typed = await api.StreamItemsAsync(new Question()).ToListAsync();
        var raw = await api.StreamRawItemsAsync(new Question()).ToListAsync();

        Assert.Equal(["response.created", "message", "response.completed"], typed.Select(e => e.EventType));
        Assert.Equal("x", typed[1].Data.Delta);
        Assert.Equal("{\"type\":\"response.created\"}", raw[0].Data);
        Assert.Equal("response.completed", raw[2].EventType);
    }

    public static TheoryData<string, string> ErrorEvents => new()
    {
        { "event: error\ndata: {\"code\":\"rate_limited\",\"message\":\"Slow down\"}\n\n", "Slow down" },
        { "data: {\"type\":\"error\",\"code\":\"server_error\",\"message\":\"The model crashed\",\"sequence_number\":1}\n\n", "The model crashed" },
        { "data: {\"type\":\"error\",\"error\":{\"message\":\"Nested failure\",\"code\":\"x\"}}\n\n", "Nested failure" },
        { "data: {\"sequence_number\":1,\"type\":\"error\",\"message\":\"Type not first\"}\n\n", "Type not first" },
        { "data: {\"error\":{\"message\":\"OpenAI style\",\"type\":\"server_error\"}}\n\n", "OpenAI style" },
        { "data: {\"code\":\"Internal\",\"error\":\"xAI flat\"}\n\n", "xAI flat" },
        { "data: {\"\\u0074ype\":\"\\u0065rror\",\"message\":\"Escaped name and type\"}\n\n", "Escaped name and type" },
    };

    [Theory]
    [MemberData(nameof(ErrorEvents))]
    public async Task An_error_event_in_either_dialect_ends_the_stream_with_the_servers_message(string errorFrame, string message)
    {
        string[] frames = ["data: {\"type\":\"response.created\"}\n\n", errorFrame, "data: {\"type\":\"response.completed\"}\n\n"];
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, frames));
        var api = TestClients.Create<IEventApi>(server);
        var seen = 0;

        var error = await Assert.ThrowsAsync<GrokStreamException>(async () =>
        {
            await foreach (var item in api.StreamAsync(new Question()))
            {
                seen++;
            }
        });

        Assert.Equal(1, seen);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_chat_stream_without_DONE_is_still_cut_even_when_a_chunk_mentions_a_terminal_word()
    {
        string[] frames = ["data: {\"id\":\"c\",\"delta\":\"response.completed\"}\n\n"];
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteEventsAsync(context, frames));
        var chat = TestClients.Create<ITestChat>(server);

        await Assert.ThrowsAsync<GrokStreamException>(async () => await chat.AskStreamingAsync(new Question()).ToListAsync());
    }
}
