namespace Grok.Generator;

/// <summary>Names of the pipeline steps, so tests can read their run reasons.</summary>
internal static class TrackingNames
{
    public const string EndpointMethods = nameof(EndpointMethods);
    public const string DerivedInterfaces = nameof(DerivedInterfaces);
    public const string ParseResults = nameof(ParseResults);
    public const string ClientSpec = nameof(ClientSpec);
    public const string Diagnostics = nameof(Diagnostics);
}
