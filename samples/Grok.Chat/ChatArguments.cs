using System;
using System.Collections.Generic;
using System.Globalization;

namespace Grok.Samples.Chat;

/// <summary>The command line: <c>[--model M] [--system S] [--temperature T] [--api responses|chat] [--search] [prompt...]</c>.</summary>
internal sealed record ChatArguments(string? Prompt, string? Model, string? System, double? Temperature, bool Help, bool UseChatApi = false, bool Search = false)
{
    public const string Usage = """
        Usage: dotnet run --project samples/Grok.Chat -- [options] [prompt]

        Streams Grok's answer to the prompt. Without a prompt: an interactive chat (history kept;
        Ctrl+C cancels the answer being written, an empty line or Ctrl+D ends the session).
        With XAI_API_KEY set it talks to api.x.ai (or XAI_BASE_URL); without, to a local emulator it
        starts itself. Exit codes: 0 done, 1 an API or connection error, 2 bad arguments.

        Options:
          --model <id>          the model (default: grok-4, or XAI_MODEL)
          --system <text>       a system prompt
          --temperature <0-2>   sampling temperature
          --api <responses|chat> xAI's Responses API (the default, xAI's recommendation) or chat completions
          --search              let Grok search the web and X (Responses API) and list the sources it cites
          -h, --help            this text
        """;

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a message for the user.</summary>
    public static ChatArguments Parse(IReadOnlyList<string> args)
    {
        string? model = null, system = null;
        double? temperature = null;
        bool chatApi = false, search = false;
        var prompt = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return new ChatArguments(null, null, null, null, Help: true);
                case "--model":
                    model = Value(args, ref i);
                    break;
                case "--system":
                    system = Value(args, ref i);
                    break;
                case "--temperature":
                    var text = Value(args, ref i);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is < 0 or > 2)
                    {
                        throw new FormatException($"--temperature takes a number from 0 to 2, not '{text}'.");
                    }

                    temperature = t;
                    break;
                case "--api":
                    var api = Value(args, ref i);
                    chatApi = api switch
                    {
                        "chat" => true,
                        "responses" => false,
                        _ => throw new FormatException($"--api takes 'responses' or 'chat', not '{api}'."),
                    };
                    break;
                case "--search":
                    search = true;
                    break;
                case "--":
                    prompt.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new FormatException($"Unknown option '{args[i]}'.");
                    }

                    prompt.Add(args[i]);
                    break;
            }
        }

        if (search && chatApi)
        {
            throw new FormatException("--search needs the Responses API: leave out --api chat.");
        }

        return new ChatArguments(prompt.Count > 0 ? string.Join(' ', prompt) : null, model, system, temperature, Help: false, chatApi, search);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
        {
            throw new FormatException($"{args[i]} needs a value.");
        }

        return args[++i];
    }
}

internal static class ListExtensions
{
    public static IEnumerable<T> Skip<T>(this IReadOnlyList<T> list, int count)
    {
        for (var i = count; i < list.Count; i++)
        {
            yield return list[i];
        }
    }
}
