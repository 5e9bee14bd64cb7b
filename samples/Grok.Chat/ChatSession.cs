using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Grok.Chat;
using Grok.Responses;

namespace Grok.Samples.Chat;

/// <summary>
/// One conversation: streams each answer and reports usage and cost. On the Responses API (the default) xAI keeps the
/// conversation (each turn continues the last response); on chat completions the history is kept here.
/// </summary>
internal sealed class ChatSession(IGrokClient client, ChatArguments arguments)
{
    private readonly List<ChatMessage> _history = arguments.System is { } system ? [ChatMessage.System(system)] : [];
    private string? _lastResponseId;

    /// <summary>Asks one question and streams the answer to stdout; returns the exit code.</summary>
    public Task<int> AskAsync(string prompt, CancellationToken cancellationToken)
        => arguments.UseChatApi ? AskChatAsync(prompt, cancellationToken) : AskResponsesAsync(prompt, cancellationToken);

    private async Task<int> AskResponsesAsync(string prompt, CancellationToken cancellationToken)
    {
        var request = new ResponseRequest
        {
            Model = arguments.Model ?? Environment.GetEnvironmentVariable("XAI_MODEL"),
            Input = prompt,
            Instructions = _lastResponseId is null ? arguments.System : null,
            PreviousResponseId = _lastResponseId,
            Temperature = arguments.Temperature,
            Tools = arguments.Search ? [ResponseTool.WebSearch(), ResponseTool.XSearch()] : null,
        };

        var response = await client.StreamResponseAsync(request, cancellationToken)
            .ForEachTextAsync(text => Console.Out.Write(text), cancellationToken);
        Console.Out.WriteLine();

        _lastResponseId = response.Id; // the next turn continues this stored response
        foreach (var citation in response.Citations)
        {
            Console.Error.WriteLine($"source: {citation.Url}");
        }

        Console.Error.WriteLine(DescribeUsage(response));
        return 0;
    }

    private async Task<int> AskChatAsync(string prompt, CancellationToken cancellationToken)
    {
        _history.Add(ChatMessage.User(prompt));
        var request = new ChatCompletionRequest
        {
            Model = arguments.Model ?? Environment.GetEnvironmentVariable("XAI_MODEL"),
            Messages = [.. _history],
            Temperature = arguments.Temperature,
            StreamOptions = new StreamOptions { IncludeUsage = true },
        };

        var completion = await client.StreamChatCompletionAsync(request, cancellationToken)
            .ForEachTextAsync(text => Console.Out.Write(text), cancellationToken);
        Console.Out.WriteLine();

        _history.Add(ChatMessage.Assistant(completion.Content ?? ""));
        Console.Error.WriteLine(DescribeUsage(completion));
        return 0;
    }

    /// <summary>
    /// Reads prompts until an empty line or end of input; Ctrl+C cancels only the answer being written, and an API or
    /// connection error is reported without ending the session.
    /// </summary>
    public async Task<int> RunInteractiveAsync()
    {
        Console.Error.WriteLine("Interactive chat: type a message, Ctrl+C cancels an answer, an empty line ends.");
        var answers = new AnswerCancellation();
        Console.CancelKeyPress += (_, e) => e.Cancel = answers.TryCancel(); // keep the program, drop the answer

        while (true)
        {
            Console.Error.Write("> ");
            var line = Console.ReadLine();
            if (string.IsNullOrWhiteSpace(line))
            {
                return 0;
            }

            var token = answers.Begin();
            try
            {
                await AskAsync(line, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                Console.Out.WriteLine();
                Console.Error.WriteLine("(answer cancelled)");
                DropUnansweredPrompt();
            }
            catch (Exception ex) when (ex is GrokApiException or GrokStreamException or HttpRequestException or TimeoutException)
            {
                Console.Out.WriteLine();
                Console.Error.WriteLine($"(no answer: {ex.Message})");
                DropUnansweredPrompt();
            }
            finally
            {
                answers.End();
            }
        }
    }

    internal static string DescribeUsage(GrokResponse response)
    {
        if (response.Usage is not { } usage)
        {
            return "[no usage reported]";
        }

        var reasoning = usage.OutputTokensDetails?.ReasoningTokens ?? 0;
        var cached = usage.InputTokensDetails?.CachedTokens ?? 0;
        var cost = usage.CostInUsd is { } usd ? "$" + usd.ToString("0.######", CultureInfo.InvariantCulture) : "n/a";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{response.Model}: {usage.InputTokens} input ({cached} cached) + {usage.OutputTokens} output + {reasoning} reasoning = {usage.TotalTokens} tokens, cost {cost}]");
    }

    /// <summary>On chat completions, a prompt that got no answer leaves the history; the Responses API kept nothing.</summary>
    private void DropUnansweredPrompt()
    {
        if (arguments.UseChatApi && _history.Count > 0)
        {
            _history.RemoveAt(_history.Count - 1);
        }
    }

    internal static string DescribeUsage(ChatCompletion completion)
    {
        if (completion.Usage is not { } usage)
        {
            return "[no usage reported]";
        }

        var reasoning = usage.CompletionTokensDetails?.ReasoningTokens ?? 0;
        var cost = usage.CostInUsd is { } usd ? "$" + usd.ToString("0.######", CultureInfo.InvariantCulture) : "n/a";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{completion.Model}: {usage.PromptTokens} prompt + {usage.CompletionTokens} completion + {reasoning} reasoning = {usage.TotalTokens} tokens, cost {cost}]");
    }
}
