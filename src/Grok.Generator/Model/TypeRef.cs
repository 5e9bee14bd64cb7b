namespace Grok.Generator.Model;

/// <summary>A type by name; never a symbol, so models stay cacheable.</summary>
/// <param name="FullyQualifiedName">The name with <c>global::</c> and nullable annotations, as written in generated code.</param>
internal sealed record TypeRef(string FullyQualifiedName)
{
    public override string ToString() => FullyQualifiedName;
}
