using System;
using System.Globalization;

namespace Grok.Samples.Batch;

/// <summary>The command line: a prompts file, and where to write the answers.</summary>
internal sealed record BatchArguments(string PromptsPath, string? OutputPath, string? Model, TimeSpan? PollInterval, bool Help)
{
    public const string Usage = """
        Usage: Grok.Batch <prompts.txt> [--out answers.jsonl] [--model grok-4.3] [--poll-seconds 5]

        Sends every line of <prompts.txt> (blank lines skipped) as one xAI batch, shows progress while xAI works
        through it, and writes one JSON line per prompt, in file order: {"line":1,"prompt":"...","answer":"..."}
        (or "error" instead of "answer"). Answers go to standard output unless --out names a file.
        Without XAI_API_KEY it runs against the local Grok emulator; XAI_BASE_URL overrides the address.
        """;

    public static BatchArguments Parse(string[] args)
    {
        string? prompts = null, output = null, model = null;
        TimeSpan? poll = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return new BatchArguments("", null, null, null, Help: true);
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--model":
                    model = Value(args, ref i);
                    break;
                case "--poll-seconds":
                    var text = Value(args, ref i);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0.1 || seconds > 3600)
                    {
                        throw new FormatException($"--poll-seconds takes a number from 0.1 to 3600, not '{text}'.");
                    }

                    poll = TimeSpan.FromSeconds(seconds);
                    break;
                case var option when option.StartsWith('-'):
                    throw new FormatException($"Unknown option '{option}'.");
                default:
                    prompts = prompts is null ? args[i] : throw new FormatException("Give one prompts file.");
                    break;
            }
        }

        return prompts is null
            ? throw new FormatException("Name the file of prompts, one per line.")
            : new BatchArguments(prompts, output, model, poll, Help: false);
    }

    private static string Value(string[] args, ref int i)
        => ++i < args.Length ? args[i] : throw new FormatException($"{args[i - 1]} needs a value.");
}
