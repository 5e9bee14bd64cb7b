using System;
using Microsoft.Extensions.Options;

namespace Grok.DependencyInjection;

/// <summary>
/// Validates one named <see cref="GrokClientOptions"/> through <see cref="GrokClientOptionsValidation"/>, so a missing
/// key or an unsafe address fails at host start (<c>ValidateOnStart</c>) with an <see cref="OptionsValidationException"/>
/// naming the property.
/// </summary>
internal sealed class GrokClientOptionsValidator : IValidateOptions<GrokClientOptions>
{
    private readonly string _name;

    public GrokClientOptionsValidator(string name) => _name = name;

    public ValidateOptionsResult Validate(string? name, GrokClientOptions options)
    {
        if (!string.Equals(name, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = GrokClientOptionsValidation.Validate(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
