using Xunit;

namespace Grok.Generator.Tests;

/// <summary>The generator matches attributes by name, never by reference (STYLE.md §1); these pin the names.</summary>
public sealed class KnownTypeNamesTests
{
    [Fact]
    public void GrokEndpointAttribute_name_matches_the_runtime_type()
        => Assert.Equal(KnownTypeNames.GrokEndpointAttribute, typeof(GrokEndpointAttribute).FullName);

    [Fact]
    public void Refit_names_match_the_runtime_types()
    {
        Assert.Equal(KnownTypeNames.BodyAttribute, typeof(Refit.BodyAttribute).FullName);
        Assert.Equal(KnownTypeNames.QueryAttribute, typeof(Refit.QueryAttribute).FullName);
        Assert.Equal(KnownTypeNames.AliasAsAttribute, typeof(Refit.AliasAsAttribute).FullName);
        Assert.Equal(KnownTypeNames.HeaderAttribute, typeof(Refit.HeaderAttribute).FullName);
        Assert.Equal(KnownTypeNames.MultipartAttribute, typeof(Refit.MultipartAttribute).FullName);
        Assert.Equal(KnownTypeNames.StreamPart, typeof(Refit.StreamPart).FullName);
        Assert.Equal(KnownTypeNames.ByteArrayPart, typeof(Refit.ByteArrayPart).FullName);
        Assert.Equal(KnownTypeNames.FileInfoPart, typeof(Refit.FileInfoPart).FullName);
        Assert.Equal(KnownTypeNames.ApiResponse, typeof(Refit.ApiResponse<>).FullName);
    }

    [Fact]
    public void Emitted_runtime_names_match_the_runtime_types()
    {
        Assert.Equal(KnownTypeNames.GrokGeneratedClient, "global::" + typeof(GrokGeneratedClient).FullName);
        Assert.Equal(KnownTypeNames.GrokClient, "global::" + typeof(GrokClient).FullName);
        Assert.Equal(KnownTypeNames.GrokMultipart, "global::" + typeof(GrokMultipart).FullName);
    }

    [Fact]
    public void Framework_names_match_the_runtime_types()
    {
        Assert.Equal(KnownTypeNames.Task, typeof(System.Threading.Tasks.Task).FullName);
        Assert.Equal(KnownTypeNames.TaskOfT, typeof(System.Threading.Tasks.Task<>).FullName);
        Assert.Equal(KnownTypeNames.AsyncEnumerable, typeof(System.Collections.Generic.IAsyncEnumerable<>).FullName);
        Assert.Equal(KnownTypeNames.HttpResponseMessage, typeof(System.Net.Http.HttpResponseMessage).FullName);
        Assert.Equal(KnownTypeNames.Stream, typeof(System.IO.Stream).FullName);
        Assert.Equal(KnownTypeNames.CancellationToken, typeof(System.Threading.CancellationToken).FullName);
        Assert.Equal(KnownTypeNames.JsonStringEnumMemberNameAttribute, typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute).FullName);
        Assert.Equal(KnownTypeNames.EnumMemberAttribute, typeof(System.Runtime.Serialization.EnumMemberAttribute).FullName);
    }
}
