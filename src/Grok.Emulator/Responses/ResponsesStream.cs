using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Grok.Responses;

namespace Grok.Emulation;

/// <summary>Turns a finished response into the events xAI streams for it, so the stream folds to the plain answer.</summary>
internal static class ResponsesStream
{
    public static List<ResponseStreamEvent> Events(GrokResponse final)
    {
        var events = new List<ResponseStreamEvent>();
        void Add(ResponseStreamEvent e) => events.Add(new ResponseStreamEvent
        {
            Type = e.Type, SequenceNumber = events.Count, Response = e.Response, Item = e.Item, OutputIndex = e.OutputIndex,
            ItemId = e.ItemId, ContentIndex = e.ContentIndex, SummaryIndex = e.SummaryIndex, AnnotationIndex = e.AnnotationIndex,
            Part = e.Part, Delta = e.Delta, Text = e.Text, Arguments = e.Arguments, Name = e.Name, Annotation = e.Annotation,
            Logprobs = e.Logprobs,
        });

        var pending = final with { Status = "in_progress", Output = [], Usage = null, CompletedAt = null, Error = null, IncompleteDetails = null };
        Add(new() { Type = ResponseStreamEventTypes.Created, Response = pending });
        Add(new() { Type = ResponseStreamEventTypes.InProgress, Response = pending });
        for (var index = 0; index < final.Output.Count; index++)
        {
            var item = final.Output[index];
            switch (item)
            {
                case ResponseMessageItem message:
                    Add(new() { Type = ResponseStreamEventTypes.OutputItemAdded, OutputIndex = index, Item = new ResponseMessageItem { Id = message.Id, Role = message.Role, Status = "in_progress" } });
                    for (var c = 0; c < message.Content.Count; c++)
                    {
                        var part = message.Content[c];
                        Add(new() { Type = ResponseStreamEventTypes.ContentPartAdded, OutputIndex = index, ItemId = message.Id, ContentIndex = c, Part = new ResponseContentPart { Type = "output_text", Text = "", Annotations = [], Logprobs = part.Logprobs } });
                        foreach (var piece in Pieces(part.Text))
                        {
                            Add(new() { Type = ResponseStreamEventTypes.OutputTextDelta, OutputIndex = index, ItemId = message.Id, ContentIndex = c, Delta = piece, Logprobs = part.Logprobs });
                        }

                        var annotations = part.Annotations ?? [];
                        for (var a = 0; a < annotations.Count; a++)
                        {
                            Add(new() { Type = ResponseStreamEventTypes.OutputTextAnnotationAdded, OutputIndex = index, ItemId = message.Id, ContentIndex = c, AnnotationIndex = a, Annotation = annotations[a] });
                        }

                        Add(new() { Type = ResponseStreamEventTypes.OutputTextDone, OutputIndex = index, ItemId = message.Id, ContentIndex = c, Text = part.Text });
                        Add(new() { Type = ResponseStreamEventTypes.ContentPartDone, OutputIndex = index, ItemId = message.Id, ContentIndex = c, Part = part });
                    }

                    break;
                case ReasoningItem reasoning:
                    Add(new() { Type = ResponseStreamEventTypes.OutputItemAdded, OutputIndex = index, Item = new ReasoningItem { Id = reasoning.Id, Status = "in_progress" } });
                    for (var s = 0; s < reasoning.Summary.Count; s++)
                    {
                        var summary = reasoning.Summary[s];
                        Add(new() { Type = ResponseStreamEventTypes.ReasoningSummaryPartAdded, OutputIndex = index, ItemId = reasoning.Id, SummaryIndex = s, Part = new ResponseContentPart { Type = "summary_text", Text = "" } });
                        foreach (var piece in Pieces(summary.Text))
                        {
                            Add(new() { Type = ResponseStreamEventTypes.ReasoningSummaryTextDelta, OutputIndex = index, ItemId = reasoning.Id, SummaryIndex = s, Delta = piece });
                        }

                        Add(new() { Type = ResponseStreamEventTypes.ReasoningSummaryTextDone, OutputIndex = index, ItemId = reasoning.Id, SummaryIndex = s, Text = summary.Text });
                        Add(new() { Type = ResponseStreamEventTypes.ReasoningSummaryPartDone, OutputIndex = index, ItemId = reasoning.Id, SummaryIndex = s, Part = new ResponseContentPart { Type = "summary_text", Text = summary.Text } });
                    }

                    break;
                case FunctionCallItem call:
                    Add(new() { Type = ResponseStreamEventTypes.OutputItemAdded, OutputIndex = index, Item = new FunctionCallItem { Id = call.Id, CallId = call.CallId, Name = call.Name, Status = "in_progress" } });
                    Add(new() { Type = ResponseStreamEventTypes.FunctionCallArgumentsDelta, OutputIndex = index, ItemId = call.Id, Delta = call.Arguments });
                    Add(new() { Type = ResponseStreamEventTypes.FunctionCallArgumentsDone, OutputIndex = index, ItemId = call.Id, Arguments = call.Arguments, Name = call.Name });
                    break;
                default:
                    Add(new() { Type = ResponseStreamEventTypes.OutputItemAdded, OutputIndex = index, Item = item });
                    foreach (var progress in Progress(item))
                    {
                        Add(new() { Type = progress, OutputIndex = index, ItemId = item.Id });
                    }

                    break;
            }

            Add(new() { Type = ResponseStreamEventTypes.OutputItemDone, OutputIndex = index, Item = item });
        }

        var terminal = final.Status switch
        {
            "failed" => ResponseStreamEventTypes.Failed,
            "incomplete" => ResponseStreamEventTypes.Incomplete,
            _ => ResponseStreamEventTypes.Completed,
        };
        Add(new() { Type = terminal, Response = final });
        return events;
    }

    /// <summary>One event as xAI frames it: <c>event: type</c>, then <c>data: json</c>, then a blank line.</summary>
    public static byte[] Frame(ResponseStreamEvent e)
        => Encoding.UTF8.GetBytes("event: " + e.Type + "\ndata: " + JsonSerializer.Serialize(e, GrokJsonContext.Default.ResponseStreamEvent) + "\n\n");

    private static IEnumerable<string> Progress(ResponseItem item) => item switch
    {
        WebSearchCallItem => [ResponseStreamEventTypes.WebSearchCallInProgress, ResponseStreamEventTypes.WebSearchCallSearching, ResponseStreamEventTypes.WebSearchCallCompleted],
        CustomToolCallItem or XSearchCallItem => [ResponseStreamEventTypes.XSearchCallInProgress, ResponseStreamEventTypes.XSearchCallSearching, ResponseStreamEventTypes.XSearchCallCompleted],
        FileSearchCallItem => [ResponseStreamEventTypes.FileSearchCallInProgress, ResponseStreamEventTypes.FileSearchCallSearching, ResponseStreamEventTypes.FileSearchCallCompleted],
        CodeInterpreterCallItem => [ResponseStreamEventTypes.CodeInterpreterCallInProgress, ResponseStreamEventTypes.CodeInterpreterCallInterpreting, ResponseStreamEventTypes.CodeInterpreterCallCompleted],
        McpCallItem => [ResponseStreamEventTypes.McpCallInProgress, ResponseStreamEventTypes.McpCallCompleted],
        ImageGenerationCallItem => [ResponseStreamEventTypes.ImageGenerationCallInProgress, ResponseStreamEventTypes.ImageGenerationCallGenerating, ResponseStreamEventTypes.ImageGenerationCallCompleted],
        _ => [],
    };

    /// <summary>Splits text into word deltas: each word with the space that follows it.</summary>
    private static IEnumerable<string> Pieces(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = 0;
        while (start < text.Length)
        {
            var space = text.IndexOf(' ', start);
            var end = space < 0 ? text.Length : space + 1;
            yield return text[start..end];
            start = end;
        }
    }
}
