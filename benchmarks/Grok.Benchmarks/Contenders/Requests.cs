using Grok.Chat;

namespace Grok.Benchmarks.Contenders;

/// <summary>The one request every contender sends, in each client's own types.</summary>
internal static class Requests
{
    public const string Model = "grok-4";

    public const string Prompt = "Say hello in eight words.";

    /// <summary>Gets the request in Grok's wire model (a class of its own, so the minimal contenders' cold start never loads Grok's models).</summary>
    public static ChatCompletionRequest Chat => GrokModels.Chat;

    public static Grok.Responses.ResponseRequest Response => GrokModels.Response;

    public static MinQuestion MinimalChat => Minimal.Chat;

    public static MinResponseRequest MinimalResponse => Minimal.Response;

    private static class GrokModels
    {
        public static readonly ChatCompletionRequest Chat = new() { Model = Model, Messages = [ChatMessage.User(Prompt)] };

        public static readonly Grok.Responses.ResponseRequest Response = new() { Model = Model, Input = Prompt };
    }

    private static class Minimal
    {
        public static readonly MinQuestion Chat = new(Model, [new MinMessage("user", Prompt)]);

        public static readonly MinResponseRequest Response = new(Model, Prompt);
    }
}
