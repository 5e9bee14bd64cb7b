#!/usr/bin/env bash
# Native AOT check: publishes tests/aot/Grok.AotSmoke with PublishAot (trim and AOT warnings are errors), then runs
# the native binary: the ready client and a user-declared interface, plain and streamed, against the emulator.
# Called by .ci/run; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# The ILCompiler links with clang; Debian names it clang-14 unless the clang package is installed.
compiler="$(command -v clang || command -v clang-14 || true)"
if [ -z "$compiler" ]; then
  echo "aot: installing clang (Debian package) for the native link"
  apt-get update -qq && apt-get install -y -qq clang zlib1g-dev > /dev/null
  compiler="$(command -v clang)"
fi

echo "aot: dotnet publish tests/aot/Grok.AotSmoke -r linux-x64 -p:PublishAot=true (linker: $compiler)"
dotnet publish tests/aot/Grok.AotSmoke -c Release -r linux-x64 -p:CppCompilerAndLinker="$compiler" -o "$out" -nologo -v:q -clp:NoSummary

echo "aot: running the native binary"
result="$(timeout 60 "$out/Grok.AotSmoke")"
echo "$result"
[ "$result" = "OK" ] || { echo "aot: the native app failed" >&2; exit 1; }
