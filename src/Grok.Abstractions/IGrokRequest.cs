namespace Grok;

/// <summary>
/// A request body that names a model and has limits to check. Generated clients check it before sending and,
/// when it names no model, send a copy with <see cref="GrokClientOptions.DefaultModel"/>: the caller's object is not changed.
/// </summary>
public interface IGrokRequest
{
    /// <summary>Gets the model the request names, or null.</summary>
    string? Model { get; }

    /// <summary>
    /// Returns a copy that names <paramref name="model"/> when this kind of request runs on the client's default
    /// (chat) model; kinds that need a model of their own (embeddings, images) return themselves.
    /// </summary>
    /// <param name="model">The client's default model.</param>
    /// <returns>The request to send.</returns>
    IGrokRequest WithDefaultModel(string model);

    /// <summary>Throws <see cref="System.ArgumentException"/> naming the field when the request breaks xAI's documented hard limits.</summary>
    void Validate();
}
