using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Grok.Batches;
using Grok.Chat;
using Grok.Embeddings;
using Grok.Files;
using Grok.Images;
using Grok.Models;
using Grok.Responses;
using Grok.Tokenize;
using Grok.Videos;

namespace Grok;

/// <summary>Source-generated JSON metadata for every xAI wire model: trimming- and Native-AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletion))]
[JsonSerializable(typeof(ChatCompletionChunk))]
[JsonSerializable(typeof(DeferredCompletion))]
[JsonSerializable(typeof(IList<ChatContentPart>))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(LanguageModelList))]
[JsonSerializable(typeof(LanguageModel))]
[JsonSerializable(typeof(EmbeddingModelList))]
[JsonSerializable(typeof(EmbeddingModel))]
[JsonSerializable(typeof(ImageGenerationModelList))]
[JsonSerializable(typeof(ImageGenerationModel))]
[JsonSerializable(typeof(ApiKeyInfo))]
[JsonSerializable(typeof(EmbeddingRequest))]
[JsonSerializable(typeof(EmbeddingResponse))]
[JsonSerializable(typeof(TokenizeTextRequest))]
[JsonSerializable(typeof(TokenizeTextResponse))]
[JsonSerializable(typeof(ImageGenerationRequest))]
[JsonSerializable(typeof(ImageGenerationResponse))]
// Files, batches, image edits and deferred images, videos, more of the model catalog. (The JSON source generator
// fails on [JsonSerializable] spread over several partial declarations of one context: keep them all on this one.)
[JsonSerializable(typeof(ImageEditRequest))]
[JsonSerializable(typeof(DeferredImage))]
[JsonSerializable(typeof(DeferredImageResult))]
[JsonSerializable(typeof(GrokFile))]
[JsonSerializable(typeof(GrokFileList))]
[JsonSerializable(typeof(DeletedFile))]
[JsonSerializable(typeof(FilePublicUrlRequest))]
[JsonSerializable(typeof(FilePublicUrl))]
[JsonSerializable(typeof(RevokedFilePublicUrl))]
[JsonSerializable(typeof(Batch))]
[JsonSerializable(typeof(BatchList))]
[JsonSerializable(typeof(CreateBatchRequest))]
[JsonSerializable(typeof(AddBatchRequestsRequest))]
[JsonSerializable(typeof(BatchRequest))]
[JsonSerializable(typeof(BatchRequestMetadataList))]
[JsonSerializable(typeof(BatchResultList))]
[JsonSerializable(typeof(VideoGenerationRequest))]
[JsonSerializable(typeof(VideoEditRequest))]
[JsonSerializable(typeof(VideoExtensionRequest))]
[JsonSerializable(typeof(DeferredVideo))]
[JsonSerializable(typeof(VideoResult))]
[JsonSerializable(typeof(VideoGenerationModelList))]
[JsonSerializable(typeof(VideoGenerationModel))]
[JsonSerializable(typeof(CallerIdentity))]
[JsonSerializable(typeof(ResponseRequest))]
[JsonSerializable(typeof(GrokResponse))]
[JsonSerializable(typeof(ResponseStreamEvent))]
[JsonSerializable(typeof(DeletedResponse))]
[JsonSerializable(typeof(ResponseInputItemList))]
[JsonSerializable(typeof(CompactRequest))]
[JsonSerializable(typeof(CompactResponse))]
[JsonSerializable(typeof(IList<ResponseInputItem>))]
[JsonSerializable(typeof(IList<ResponseContentPart>))]
[JsonSerializable(typeof(ResponseInputMessage))]
[JsonSerializable(typeof(FunctionCallOutputItem))]
[JsonSerializable(typeof(CompactionItem))]
[JsonSerializable(typeof(ResponseMessageItem))]
[JsonSerializable(typeof(FunctionCallItem))]
[JsonSerializable(typeof(ReasoningItem))]
[JsonSerializable(typeof(WebSearchCallItem))]
[JsonSerializable(typeof(XSearchCallItem))]
[JsonSerializable(typeof(CustomToolCallItem))]
[JsonSerializable(typeof(CodeInterpreterCallItem))]
[JsonSerializable(typeof(FileSearchCallItem))]
[JsonSerializable(typeof(McpCallItem))]
[JsonSerializable(typeof(ImageGenerationCallItem))]
[JsonSerializable(typeof(ShellCallItem))]
[JsonSerializable(typeof(ShellCallOutputItem))]
[JsonSerializable(typeof(ToolSearchCallItem))]
[JsonSerializable(typeof(ToolSearchOutputItem))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(string))]
public sealed partial class GrokJsonContext : JsonSerializerContext
{
}
