namespace Grok;

/// <summary>
/// A request body that names a model and has limits to check. Generated clients check it before sending and,
/// when it names no model, send a copy with <see cref="GrokClientOptions.DefaultModel"/>: the caller's object is not changed.
/// </summary>
public interface IGrokRequest
{
    /// <summary>Gets the model the request names, or null.</summary>
    string? Model { get; }

    /// <summary>Returns a copy that names <paramref name="model"/>.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The copy.</returns>
    IGrokRequest WithModel(string model);

    /// <summary>Throws <see cref="System.ArgumentException"/> naming the field when the request breaks xAI's documented hard limits.</summary>
    void Validate();
}
