namespace Grok.Generator;

/// <summary>Metadata names the generator looks for; it never references Grok.Abstractions (a test pins these).</summary>
internal static class KnownTypeNames
{
    public const string GrokEndpointAttribute = "Grok.GrokEndpointAttribute";
    public const string BodyAttribute = "Refit.BodyAttribute";
    public const string QueryAttribute = "Refit.QueryAttribute";
    public const string AliasAsAttribute = "Refit.AliasAsAttribute";
    public const string HeaderAttribute = "Refit.HeaderAttribute";
    public const string MultipartAttribute = "Refit.MultipartAttribute";
    public const string StreamPart = "Refit.StreamPart";
    public const string ByteArrayPart = "Refit.ByteArrayPart";
    public const string FileInfoPart = "Refit.FileInfoPart";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable`1";
    public const string SseItem = "System.Net.ServerSentEvents.SseItem`1";
    public const string ApiResponse = "Refit.ApiResponse`1";
    public const string HttpResponseMessage = "System.Net.Http.HttpResponseMessage";
    public const string Stream = "System.IO.Stream";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string JsonStringEnumMemberNameAttribute = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";
    public const string EnumMemberAttribute = "System.Runtime.Serialization.EnumMemberAttribute";

    public const string GrokGeneratedClient = "global::Grok.GrokGeneratedClient";
    public const string GrokClient = "global::Grok.GrokClient";
    public const string GrokMultipart = "global::Grok.GrokMultipart";
}
