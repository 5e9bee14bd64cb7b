#!/usr/bin/env bash
# Compiles every example in docs/diagnostics/GROKnnn.md against the generator:
#   - the first ```csharp block of a page must report exactly GROKnnn, on the line marked "// GROKnnn";
#   - the second block (the fix) must compile without errors.
# Usage: tests/docs/check-diagnostics.sh [Configuration]   (from anywhere; exits non-zero on any mismatch)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
configuration="${1:-Release}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Outside the repo, so the repo's Directory.Build.props / Directory.Packages.props do not apply.
for kind in bad good; do
  mkdir -p "$work/$kind"
  cat > "$work/$kind/DocCheck.$kind.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <OutputType>Library</OutputType>
    <NoWarn>\$(NoWarn);CS8618</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Grok.Abstractions/Grok.Abstractions.csproj" />
    <ProjectReference Include="$repo/src/Grok.Generator/Grok.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
  cat > "$work/$kind/Types.cs" <<'CS'
namespace DocCheck
{
    public sealed class Question { public string? Model { get; set; } public string? Prompt { get; set; } }
    public sealed class Answer { public string? Text { get; set; } }
    public sealed class Chunk { public string? Delta { get; set; } }
    public sealed class Settings { public double? Temperature { get; set; } }
    public sealed class Model { public string? Id { get; set; } }
    public sealed class LanguageModel { public string? Id { get; set; } }
    public sealed class ModelList { public Model[]? Data { get; set; } }
    public sealed class ModelFilter { public string? Owner { get; set; } }
    public sealed class ModelKey { public string? Value { get; set; } }
}
CS
done

python3 - "$repo/docs/diagnostics" "$work" <<'PY'
import pathlib, re, sys
docs, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
pages = sorted(docs.glob("GROK[0-9][0-9][0-9].md"))
if len(pages) != 16:
    sys.exit(f"expected 16 pages GROK001..GROK016, found {len(pages)}")
for page in pages:
    blocks = re.findall(r"```csharp\n(.*?)```", page.read_text(), re.S)
    if len(blocks) != 2:
        sys.exit(f"{page.name}: expected 2 csharp blocks (example, fix), found {len(blocks)}")
    for kind, block in zip(("bad", "good"), blocks):
        lines = block.rstrip("\n").split("\n")
        usings = [l for l in lines if l.startswith("using ")]
        body = [l for l in lines if not l.startswith("using ")]
        # Usings stay on their own lines so reported line numbers match the page's block line numbers.
        text = "\n".join(usings) + "\nnamespace DocCheck." + kind + "." + page.stem + " {\n" + "\n".join(body) + "\n}\n"
        (work / kind / f"{page.stem}.cs").write_text(text)
PY

status=0
echo "== examples that must report their diagnostic"
dotnet build "$work/bad" -c "$configuration" -nologo -clp:NoSummary > "$work/bad.log" 2>&1 || true
python3 - "$work" <<'PY' || status=1
import pathlib, re, sys
work = pathlib.Path(sys.argv[1])
log = (work / "bad.log").read_text()
found = {}
for m in re.finditer(r"/bad/(\w+)\.cs\((\d+),\d+\): error (\w+)", log):
    found.setdefault(m.group(1), set()).add((m.group(3), int(m.group(2))))
other = set(re.findall(r"^(?!.*/bad/GROK\d+\.cs).*error (\w+)", log, re.M))
failed = False
for source in sorted((work / "bad").glob("GROK*.cs")):
    page = source.stem
    expected = {(page, i + 1) for i, l in enumerate(source.read_text().split("\n")) if l.rstrip().endswith("// " + page) or ("// " + page + " ") in l}
    actual = found.get(page, set())
    ok = bool(expected) and actual == expected
    failed |= not ok
    print(f"{'ok  ' if ok else 'FAIL'} {page}: expected {sorted(expected)} got {sorted(actual)}")
if other - {m for v in found.values() for m, _ in v}:
    print("other errors:", sorted(other)); print(log[-3000:]); failed = True
sys.exit(1 if failed else 0)
PY

echo "== fixed examples that must compile"
if dotnet build "$work/good" -c "$configuration" -nologo -clp:NoSummary > "$work/good.log" 2>&1; then
  echo "ok   all fixes compile"
else
  grep -E "error|warning" "$work/good.log" | sort -u | head -40
  echo "FAIL fixes do not compile"
  status=1
fi
exit $status
