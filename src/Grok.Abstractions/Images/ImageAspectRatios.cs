namespace Grok.Images;

/// <summary>The aspect ratios xAI's image models accept (<c>aspect_ratio</c>).</summary>
public static class ImageAspectRatios
{
    /// <summary>Let the model choose (the default).</summary>
    public const string Auto = "auto";

    /// <summary>Square.</summary>
    public const string Square = "1:1";

    /// <summary>Landscape 16:9.</summary>
    public const string Landscape16By9 = "16:9";

    /// <summary>Portrait 9:16.</summary>
    public const string Portrait9By16 = "9:16";

    /// <summary>Landscape 4:3.</summary>
    public const string Landscape4By3 = "4:3";

    /// <summary>Portrait 3:4.</summary>
    public const string Portrait3By4 = "3:4";

    /// <summary>Every value the spec lists, in its order.</summary>
    public static readonly string[] All = ["1:1", "3:4", "4:3", "9:16", "16:9", "2:3", "3:2", "9:19.5", "19.5:9", "9:20", "20:9", "1:2", "2:1", "21:9", "5:2", "auto"];
}
