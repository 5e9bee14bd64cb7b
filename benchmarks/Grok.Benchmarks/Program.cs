using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Grok.Benchmarks -- --filter '*'
// Results are reported as ratios to the hand-written HttpClient + source-generated JSON baseline (HandWritten_*).
BenchmarkSwitcher.FromAssembly(typeof(Grok.Benchmarks.ChatBenchmarks).Assembly).Run(args);
