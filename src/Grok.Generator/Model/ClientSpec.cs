using Grok.Generator.Helpers;

namespace Grok.Generator.Model;

/// <summary>One interface to implement.</summary>
/// <param name="InterfaceType">The interface.</param>
/// <param name="ImplementationName">The generated class's name, unique within the assembly.</param>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Endpoints">Every endpoint, its own and inherited, in declaration order.</param>
internal sealed record ClientSpec(
    TypeRef InterfaceType,
    string ImplementationName,
    string HintName,
    EquatableArray<EndpointSpec> Endpoints);
