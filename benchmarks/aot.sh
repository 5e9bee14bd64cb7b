#!/usr/bin/env bash
# Native AOT first call: publishes benchmarks/Grok.Benchmarks.Aot with Native AOT, then has the benchmark suite run it
# once per sample against its server (ready client vs hand-written, user interface vs hand-written over the same
# models). Extra arguments go to the suite, e.g. --cold-turns 20 --out benchmarks/results/x.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# The ILCompiler links with clang; Debian names it clang-14 unless the clang package is installed.
compiler="$(command -v clang || command -v clang-14 || true)"
if [ -z "$compiler" ]; then
  apt-get update -qq && apt-get install -y -qq clang zlib1g-dev > /dev/null
  compiler="$(command -v clang)"
fi
dotnet publish benchmarks/Grok.Benchmarks.Aot -c Release -r linux-x64 -p:CppCompilerAndLinker="$compiler" -o "$out" -nologo -v:q -clp:NoSummary
dotnet run -c Release --project benchmarks/Grok.Benchmarks -- --only aot --aot-binary "$out/Grok.Benchmarks.Aot" "$@"
