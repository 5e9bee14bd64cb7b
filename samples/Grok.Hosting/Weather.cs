using System;
using System.ComponentModel;

namespace Grok.Samples.Hosting;

/// <summary>The tool the model may call. A real app would ask a weather service; this one answers from a table.</summary>
public static class Weather
{
    [Description("Gets today's forecast for a city.")]
    public static string GetForecast([Description("The city, such as Florence")] string city)
    {
        var forecast = city.Trim().ToUpperInvariant() switch
        {
            "FLORENCE" or "FIRENZE" => "sunny, 31 C",
            "OSLO" => "light rain, 12 C",
            _ => "clear, 22 C",
        };
        Console.Error.WriteLine($"tool called: weather({city}) -> {forecast}");
        return forecast;
    }
}
