using System;
using System.Text;

namespace Grok.Generator.Helpers;

/// <summary>A <see cref="StringBuilder"/> that indents; multi-line text is indented line by line.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();

    public int Indentation { get; set; }

    public SourceWriter WriteLine(string line = "")
    {
        if (line.Length == 0)
        {
            _text.Append('\n');
            return this;
        }

        foreach (var part in line.Replace("\r\n", "\n").Split('\n'))
        {
            if (part.Length > 0)
            {
                _text.Append(' ', Indentation * 4).Append(part);
            }

            _text.Append('\n');
        }

        return this;
    }

    public SourceWriter OpenBlock(string line)
    {
        WriteLine(line);
        WriteLine("{");
        Indentation++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        Indentation--;
        return WriteLine("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
