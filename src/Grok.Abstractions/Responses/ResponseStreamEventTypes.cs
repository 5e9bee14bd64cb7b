using System.Collections.Generic;

namespace Grok.Responses;

/// <summary>The <see cref="ResponseStreamEvent.Type"/>s xAI's Responses API streams.</summary>
public static class ResponseStreamEventTypes
{
    /// <summary>The <c>response.created</c> event.</summary>
    public const string Created = "response.created";

    /// <summary>The <c>response.in_progress</c> event.</summary>
    public const string InProgress = "response.in_progress";

    /// <summary>The <c>response.completed</c> event.</summary>
    public const string Completed = "response.completed";

    /// <summary>The <c>response.failed</c> event.</summary>
    public const string Failed = "response.failed";

    /// <summary>The <c>response.incomplete</c> event.</summary>
    public const string Incomplete = "response.incomplete";

    /// <summary>The <c>response.output_item.added</c> event.</summary>
    public const string OutputItemAdded = "response.output_item.added";

    /// <summary>The <c>response.output_item.done</c> event.</summary>
    public const string OutputItemDone = "response.output_item.done";

    /// <summary>The <c>response.content_part.added</c> event.</summary>
    public const string ContentPartAdded = "response.content_part.added";

    /// <summary>The <c>response.content_part.done</c> event.</summary>
    public const string ContentPartDone = "response.content_part.done";

    /// <summary>The <c>response.output_text.delta</c> event.</summary>
    public const string OutputTextDelta = "response.output_text.delta";

    /// <summary>The <c>response.output_text.done</c> event.</summary>
    public const string OutputTextDone = "response.output_text.done";

    /// <summary>The <c>response.output_text.annotation.added</c> event.</summary>
    public const string OutputTextAnnotationAdded = "response.output_text.annotation.added";

    /// <summary>The <c>response.refusal.delta</c> event.</summary>
    public const string RefusalDelta = "response.refusal.delta";

    /// <summary>The <c>response.refusal.done</c> event.</summary>
    public const string RefusalDone = "response.refusal.done";

    /// <summary>The <c>response.reasoning_text.delta</c> event.</summary>
    public const string ReasoningTextDelta = "response.reasoning_text.delta";

    /// <summary>The <c>response.reasoning_text.done</c> event.</summary>
    public const string ReasoningTextDone = "response.reasoning_text.done";

    /// <summary>The <c>response.reasoning_summary_part.added</c> event.</summary>
    public const string ReasoningSummaryPartAdded = "response.reasoning_summary_part.added";

    /// <summary>The <c>response.reasoning_summary_part.done</c> event.</summary>
    public const string ReasoningSummaryPartDone = "response.reasoning_summary_part.done";

    /// <summary>The <c>response.reasoning_summary_text.delta</c> event.</summary>
    public const string ReasoningSummaryTextDelta = "response.reasoning_summary_text.delta";

    /// <summary>The <c>response.reasoning_summary_text.done</c> event.</summary>
    public const string ReasoningSummaryTextDone = "response.reasoning_summary_text.done";

    /// <summary>The <c>response.function_call_arguments.delta</c> event.</summary>
    public const string FunctionCallArgumentsDelta = "response.function_call_arguments.delta";

    /// <summary>The <c>response.function_call_arguments.done</c> event.</summary>
    public const string FunctionCallArgumentsDone = "response.function_call_arguments.done";

    /// <summary>The <c>response.web_search_call.in_progress</c> event.</summary>
    public const string WebSearchCallInProgress = "response.web_search_call.in_progress";

    /// <summary>The <c>response.web_search_call.searching</c> event.</summary>
    public const string WebSearchCallSearching = "response.web_search_call.searching";

    /// <summary>The <c>response.web_search_call.completed</c> event.</summary>
    public const string WebSearchCallCompleted = "response.web_search_call.completed";

    /// <summary>The <c>response.x_search_call.in_progress</c> event.</summary>
    public const string XSearchCallInProgress = "response.x_search_call.in_progress";

    /// <summary>The <c>response.x_search_call.searching</c> event.</summary>
    public const string XSearchCallSearching = "response.x_search_call.searching";

    /// <summary>The <c>response.x_search_call.completed</c> event.</summary>
    public const string XSearchCallCompleted = "response.x_search_call.completed";

    /// <summary>The <c>response.file_search_call.in_progress</c> event.</summary>
    public const string FileSearchCallInProgress = "response.file_search_call.in_progress";

    /// <summary>The <c>response.file_search_call.searching</c> event.</summary>
    public const string FileSearchCallSearching = "response.file_search_call.searching";

    /// <summary>The <c>response.file_search_call.completed</c> event.</summary>
    public const string FileSearchCallCompleted = "response.file_search_call.completed";

    /// <summary>The <c>response.code_interpreter_call.in_progress</c> event.</summary>
    public const string CodeInterpreterCallInProgress = "response.code_interpreter_call.in_progress";

    /// <summary>The <c>response.code_interpreter_call.interpreting</c> event.</summary>
    public const string CodeInterpreterCallInterpreting = "response.code_interpreter_call.interpreting";

    /// <summary>The <c>response.code_interpreter_call.completed</c> event.</summary>
    public const string CodeInterpreterCallCompleted = "response.code_interpreter_call.completed";

    /// <summary>The <c>response.code_interpreter_call_code.delta</c> event.</summary>
    public const string CodeInterpreterCallCodeDelta = "response.code_interpreter_call_code.delta";

    /// <summary>The <c>response.code_interpreter_call_code.done</c> event.</summary>
    public const string CodeInterpreterCallCodeDone = "response.code_interpreter_call_code.done";

    /// <summary>The <c>response.mcp_call.in_progress</c> event.</summary>
    public const string McpCallInProgress = "response.mcp_call.in_progress";

    /// <summary>The <c>response.mcp_call.completed</c> event.</summary>
    public const string McpCallCompleted = "response.mcp_call.completed";

    /// <summary>The <c>response.mcp_call.failed</c> event.</summary>
    public const string McpCallFailed = "response.mcp_call.failed";

    /// <summary>The <c>response.mcp_call_arguments.delta</c> event.</summary>
    public const string McpCallArgumentsDelta = "response.mcp_call_arguments.delta";

    /// <summary>The <c>response.mcp_call_arguments.done</c> event.</summary>
    public const string McpCallArgumentsDone = "response.mcp_call_arguments.done";

    /// <summary>The <c>response.mcp_list_tools.in_progress</c> event.</summary>
    public const string McpListToolsInProgress = "response.mcp_list_tools.in_progress";

    /// <summary>The <c>response.mcp_list_tools.completed</c> event.</summary>
    public const string McpListToolsCompleted = "response.mcp_list_tools.completed";

    /// <summary>The <c>response.mcp_list_tools.failed</c> event.</summary>
    public const string McpListToolsFailed = "response.mcp_list_tools.failed";

    /// <summary>The <c>response.image_generation_call.in_progress</c> event.</summary>
    public const string ImageGenerationCallInProgress = "response.image_generation_call.in_progress";

    /// <summary>The <c>response.image_generation_call.generating</c> event.</summary>
    public const string ImageGenerationCallGenerating = "response.image_generation_call.generating";

    /// <summary>The <c>response.image_generation_call.partial_image</c> event.</summary>
    public const string ImageGenerationCallPartialImage = "response.image_generation_call.partial_image";

    /// <summary>The <c>response.image_generation_call.completed</c> event.</summary>
    public const string ImageGenerationCallCompleted = "response.image_generation_call.completed";

    /// <summary>The <c>error</c> event.</summary>
    public const string Error = "error";

    /// <summary>The <c>ping</c> event.</summary>
    public const string Ping = "ping";

    private static readonly HashSet<string> s_known =
    [
        Created, InProgress, Completed, Failed, Incomplete, OutputItemAdded, OutputItemDone, ContentPartAdded, ContentPartDone,
        OutputTextDelta, OutputTextDone, OutputTextAnnotationAdded, RefusalDelta, RefusalDone, ReasoningTextDelta, ReasoningTextDone,
        ReasoningSummaryPartAdded, ReasoningSummaryPartDone, ReasoningSummaryTextDelta, ReasoningSummaryTextDone,
        FunctionCallArgumentsDelta, FunctionCallArgumentsDone, WebSearchCallInProgress, WebSearchCallSearching, WebSearchCallCompleted,
        XSearchCallInProgress, XSearchCallSearching, XSearchCallCompleted, FileSearchCallInProgress, FileSearchCallSearching,
        FileSearchCallCompleted, CodeInterpreterCallInProgress, CodeInterpreterCallInterpreting, CodeInterpreterCallCompleted,
        CodeInterpreterCallCodeDelta, CodeInterpreterCallCodeDone, McpCallInProgress, McpCallCompleted, McpCallFailed,
        McpCallArgumentsDelta, McpCallArgumentsDone, McpListToolsInProgress, McpListToolsCompleted, McpListToolsFailed,
        ImageGenerationCallInProgress, ImageGenerationCallGenerating, ImageGenerationCallPartialImage, ImageGenerationCallCompleted,
        Error, Ping,
    ];

    /// <summary>Gets every type this version knows.</summary>
    public static IReadOnlyCollection<string> All => s_known;

    /// <summary>Whether this version knows <paramref name="type"/>.</summary>
    /// <param name="type">An event type.</param>
    /// <returns>True when known.</returns>
    public static bool IsKnown(string? type) => type is not null && s_known.Contains(type);

    /// <summary>Whether <paramref name="type"/> ends a response: <c>response.completed</c>, <c>response.failed</c> or <c>response.incomplete</c>.</summary>
    /// <param name="type">An event type.</param>
    /// <returns>True for a terminal event.</returns>
    public static bool IsTerminal(string? type) => type is Completed or Failed or Incomplete;
}
