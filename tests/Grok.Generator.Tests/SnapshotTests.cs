using System.Runtime.CompilerServices;
using Xunit;

namespace Grok.Generator.Tests;

/// <summary>What the generator emits for representative interfaces, pinned by <c>Baselines/{Test}/</c>.</summary>
public sealed class SnapshotTests
{
    /// <summary>Wire types every case may use.</summary>
    internal const string Models = """
        using System.Text.Json.Serialization;

        namespace Sample.Models
        {
            public sealed class Question
            {
                public string? Model { get; set; }
                public string? Prompt { get; set; }
            }

            public sealed class Answer
            {
                public string? Text { get; set; }
            }

            public sealed class Chunk
            {
                public string? Delta { get; set; }
            }

            public enum Flavor
            {
                Plain,
                [JsonStringEnumMemberName("extra_spicy")]
                ExtraSpicy,
            }
        }
        """;

    [Fact]
    public void Post_with_json_body()
    {
        Generates("""
            using System.Threading;
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            namespace Sample;

            public interface IChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync(Question body, CancellationToken cancellationToken = default);
            }
            """);
    }

    [Fact]
    public void Disposable_interface_with_a_nullable_result()
    {
        // IDisposable is implemented by the runtime base class, not reported as a member without [GrokEndpoint];
        // a result declared nullable may be a pending 202/204 without a body (SendForOptionalAsync).
        Generates("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            namespace Sample;

            public interface IPolling : IDisposable
            {
                [GrokEndpoint("GET", "jobs/{id}")]
                Task<Answer?> GetJobAsync(string id, CancellationToken cancellationToken = default);

                [GrokEndpoint("POST", "jobs")]
                Task<Answer> StartJobAsync(Question body, CancellationToken cancellationToken = default);
            }
            """);
    }

    [Fact]
    public void Streaming_typed_chunks_and_raw_strings()
    {
        Generates("""
            using System.Collections.Generic;
            using System.Net.ServerSentEvents;
            using System.Threading;
            using Grok;
            using Sample.Models;

            namespace Sample;

            public interface IStreamingChat
            {
                [GrokEndpoint("POST", "chat/completions", Stream = true)]
                IAsyncEnumerable<Chunk> AskStreamingAsync(Question body, CancellationToken cancellationToken = default);

                [GrokEndpoint("POST", "chat/completions", Stream = true)]
                IAsyncEnumerable<string> AskStreamingRawAsync(Question body, CancellationToken cancellationToken = default);

                [GrokEndpoint("POST", "responses", Stream = true)]
                IAsyncEnumerable<SseItem<Chunk>> AskStreamingItemsAsync(Question body, CancellationToken cancellationToken = default);
            }
            """);
    }

    [Fact]
    public void Stream_and_response_message_with_Stream_true()
    {
        Generates("""
            using System.IO;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            namespace Sample;

            public interface IRawStreams
            {
                [GrokEndpoint("post", "/chat/completions", Stream = true)]
                Task<Stream> AskStreamingStreamAsync(Question body, CancellationToken cancellationToken = default);

                [GrokEndpoint("POST", "chat/completions", Stream = true)]
                Task<HttpResponseMessage> AskStreamingResponseAsync(Question body, CancellationToken cancellationToken = default);

                [GrokEndpoint("GET", "files/raw")]
                Task<Stream> DownloadAsync();
            }
            """);
    }

    [Fact]
    public void ApiResponse_of_T()
    {
        Generates("""
            using System.Threading;
            using System.Threading.Tasks;
            using Grok;
            using Refit;
            using Sample.Models;

            namespace Sample;

            public interface IChatWithResponse
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<ApiResponse<Answer>> AskWithResponseAsync(Question body, CancellationToken cancellationToken = default);
            }
            """);
    }

    [Fact]
    public void Get_with_path_placeholder_and_query_parameters()
    {
        Generates("""
            using System.Threading;
            using System.Threading.Tasks;
            using Grok;
            using Refit;
            using Sample.Models;

            namespace Sample;

            public interface IItems
            {
                [GrokEndpoint("GET", "items/{ID}/children")]
                Task<Answer> QueryAsync(
                    int id,
                    string? filter,
                    [AliasAs("max_items")] int? limit,
                    bool verbose,
                    bool? deep,
                    Flavor flavor,
                    Flavor? fallback,
                    double ratio,
                    [Query] string? order = null,
                    CancellationToken cancellationToken = default);
            }
            """);
    }

    [Fact]
    public void Headers_put_and_delete()
    {
        Generates("""
            using System.Threading.Tasks;
            using Grok;
            using Refit;
            using Sample.Models;

            namespace Sample;

            public interface IHeaders
            {
                [GrokEndpoint("PUT", "items/{id}")]
                Task<Answer> PutAsync(string id, [Body] Question question, [Header("X-Trace")] string trace);

                [GrokEndpoint("DELETE", "items/{id}")]
                Task DeleteAsync(string id, [Header("X-Trace")] string? trace = null);
            }
            """);
    }

    [Fact]
    public void Interface_that_only_inherits_endpoints()
    {
        Generates("""
            using System.Threading;
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            namespace Sample;

            public interface IAsk
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync(Question body, CancellationToken cancellationToken = default);
            }

            public interface IModels
            {
                [GrokEndpoint("GET", "models/{id}")]
                Task<Answer> GetModelAsync(string id, CancellationToken cancellationToken = default);
            }

            public interface ICombined : IAsk, IModels
            {
            }
            """);
    }

    [Fact]
    public void Interface_nested_in_a_class()
    {
        Generates("""
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            namespace Sample;

            public static class Outer
            {
                internal interface IInner
                {
                    [GrokEndpoint("POST", "chat/completions")]
                    Task<Answer> AskAsync(Question body);
                }
            }
            """);
    }

    [Fact]
    public void Interface_in_the_global_namespace()
    {
        Generates("""
            using System.Threading.Tasks;
            using Grok;
            using Sample.Models;

            public interface IGlobalChat
            {
                [GrokEndpoint("POST", "chat/completions")]
                Task<Answer> AskAsync(Question body);
            }
            """);
    }

    [Fact]
    public void Keyword_parameter_names()
    {
        Generates("""
            using System.Threading.Tasks;
            using Grok;
            using Refit;
            using Sample.Models;

            namespace Sample;

            public interface IKeywords
            {
                [GrokEndpoint("POST", "classes/{class}")]
                Task<Answer> PostAsync(string @class, [Query] int @event, [Header("X-Namespace")] string @namespace, Question @object);
            }
            """);
    }

    [Fact]
    public void Multipart_parts_in_declaration_order_and_a_colon_in_the_path()
    {
        Generates("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Grok;
            using Refit;
            using Sample.Models;

            namespace Sample;

            public interface IUploads
            {
                [Multipart]
                [GrokEndpoint("POST", "files")]
                Task<Answer> UploadAsync([AliasAs("expires_after")] long? expiresAfter, Flavor? flavor, string? purpose, StreamPart file, CancellationToken cancellationToken = default);

                [Multipart("grok-boundary")]
                [GrokEndpoint("PUT", "collections/{id}/documents")]
                Task UploadManyAsync(string id, ByteArrayPart first, FileInfoPart second, Stream third, [Query] bool? replace, [Header("x-trace")] string? trace);

                [GrokEndpoint("POST", "batches/{batch_id}:cancel")]
                Task<Answer> CancelAsync([AliasAs("batch_id")] string batchId);
            }
            """);
    }

    private static void Generates(string source, [CallerMemberName] string test = "")
    {
        var run = Harness.Run(Models, source);

        Harness.AssertNoCrash(run);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.OutputProblems);
        Baseline.MatchAll(test, run);
    }
}
