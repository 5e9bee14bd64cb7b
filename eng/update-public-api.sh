#!/usr/bin/env bash
# Rewrites src/<package>/PublicAPI.Unshipped.txt from the compiler's own report, for when the public API changed on
# purpose. (The PublicApiAnalyzers code fix that does this lives in the IDE; this is the command-line equivalent.)
# It rebuilds each package, adds every symbol RS0016 reports as missing and drops every line RS0017 reports as no
# longer public, then sorts the file. Review the diff before committing: it is the public API change.
# Usage: eng/update-public-api.sh [project ...]   (default: Grok.Abstractions Grok Grok.Emulator)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(Grok.Abstractions Grok Grok.Emulator)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

for project in "${projects[@]}"; do
  dir="$repo/src/$project"
  [ -f "$dir/$project.csproj" ] || { echo "no project $dir/$project.csproj" >&2; exit 2; }
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$file" ] || printf '#nullable enable\n' > "$dir/$file"
  done

  echo "update-public-api: rebuilding $project"
  dotnet build "$dir/$project.csproj" -c Release --no-incremental -nologo -v:q -clp:NoSummary \
    -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= > "$log" 2>&1 || true

  python3 - "$dir" "$log" <<'PY'
import re, sys
directory, log = sys.argv[1], sys.argv[2]
project_file = directory.rstrip('/') + '/'
added, removed = set(), set()
for line in open(log, encoding='utf-8', errors='replace'):
    if project_file not in line.replace('\\', '/'):
        continue
    m = re.search(r"RS0016: Symbol '(.*)' is not part of the declared public API", line)
    if m:
        added.add(m.group(1))
    m = re.search(r"RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found", line)
    if m:
        removed.add(m.group(1))
path = directory + '/PublicAPI.Unshipped.txt'
lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')]
body = {l for l in lines if l and not l.startswith('#')}
body = (body | added) - removed
with open(path, 'w', encoding='utf-8', newline='\n') as f:
    f.write('#nullable enable\n')
    for l in sorted(body, key=lambda s: s.lower()):
        f.write(l + '\n')
print(f"update-public-api: {path}: +{len(added)} -{len(removed)} ({len(body)} lines)")
PY
done
