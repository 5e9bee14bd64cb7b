#!/usr/bin/env bash
# Runs the samples the way the README says, with no XAI_API_KEY (so against the in-process emulator),
# and checks what they print. Called by .ci/run; exits non-zero on any mismatch.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
configuration="${1:-Release}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
unset XAI_API_KEY

fail() { echo "samples check: $*" >&2; exit 1; }

echo "--- samples/Grok.Chat -- \"Why is the sky blue?\""
rc=0
timeout 120 dotnet run --project samples/Grok.Chat -c "$configuration" -- "Why is the sky blue?" \
  > "$out/chat.out" 2> "$out/chat.err" < /dev/null || rc=$?
cat "$out/chat.out"; cat "$out/chat.err"
[ "$rc" -eq 0 ] || fail "Grok.Chat exited with $rc"
grep -q "emulator" "$out/chat.err" || fail "Grok.Chat did not say on stderr that it uses the emulator"
grep -qi "sky blue" "$out/chat.out" || fail "Grok.Chat printed no answer about the prompt"
grep -Eq "tokens, cost \\$" "$out/chat.err" || fail "Grok.Chat printed no usage and cost line"
[ "$(grep -c "emulator" "$out/chat.err")" -eq 1 ] || fail "Grok.Chat should say so in exactly one line"

echo "--- samples/Grok.Chat --search \"xAI news\" (Responses API with web and X search: cited sources)"
rc=0
timeout 120 dotnet run --project samples/Grok.Chat -c "$configuration" --no-build -- --search "xAI news" \
  > "$out/search.out" 2> "$out/search.err" < /dev/null || rc=$?
cat "$out/search.out"; cat "$out/search.err"
[ "$rc" -eq 0 ] || fail "Grok.Chat --search exited with $rc"
grep -q "^source: https://" "$out/search.err" || fail "Grok.Chat --search listed no cited source"
grep -Eq "tokens, cost \\$" "$out/search.err" || fail "Grok.Chat --search printed no usage and cost line"

echo "--- samples/Grok.Chat --api chat \"Why is the sky blue?\" (chat completions)"
rc=0
timeout 120 dotnet run --project samples/Grok.Chat -c "$configuration" --no-build -- --api chat "Why is the sky blue?" \
  > "$out/chatapi.out" 2> "$out/chatapi.err" < /dev/null || rc=$?
[ "$rc" -eq 0 ] || fail "Grok.Chat --api chat exited with $rc"
grep -qi "sky blue" "$out/chatapi.out" || fail "Grok.Chat --api chat printed no answer about the prompt"
grep -Eq "prompt \+ [0-9]+ completion" "$out/chatapi.err" || fail "Grok.Chat --api chat printed no chat usage line"

echo "--- samples/Grok.Chat --temperature 7 (bad argument: exit code 2)"
rc=0
timeout 120 dotnet run --project samples/Grok.Chat -c "$configuration" --no-build -- --temperature 7 "x" \
  > "$out/bad.out" 2> "$out/bad.err" < /dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "Grok.Chat with a bad --temperature exited with $rc, not 2"

echo "--- samples/Grok.Chat with a key but nothing listening (connection error: exit code 1)"
rc=0
XAI_API_KEY=xai-ci-test XAI_BASE_URL=http://127.0.0.1:9/v1/ timeout 120 dotnet run --project samples/Grok.Chat -c "$configuration" --no-build -- "x" \
  > "$out/down.out" 2> "$out/down.err" < /dev/null || rc=$?
cat "$out/down.err"
[ "$rc" -eq 1 ] || fail "Grok.Chat against a closed port exited with $rc, not 1"
grep -q "127.0.0.1:9" "$out/down.err" || fail "Grok.Chat's connection error does not name the address"
if grep -q "xai-ci-test" "$out/down.err"; then fail "Grok.Chat printed the API key"; fi

echo "--- samples/Grok.Chat with a malformed XAI_BASE_URL (exit code 2 and a message)"
rc=0
XAI_API_KEY=xai-ci-test XAI_BASE_URL="not a url" timeout 120 dotnet run --project samples/Grok.Chat -c "$configuration" --no-build -- "x" \
  > "$out/badurl.out" 2> "$out/badurl.err" < /dev/null || rc=$?
cat "$out/badurl.err"
[ "$rc" -eq 2 ] || fail "Grok.Chat with a malformed XAI_BASE_URL exited with $rc, not 2"
grep -q "XAI_BASE_URL" "$out/badurl.err" || fail "Grok.Chat's message does not name XAI_BASE_URL"
if grep -q "Unhandled" "$out/badurl.err"; then fail "Grok.Chat crashed on a malformed XAI_BASE_URL"; fi

echo "--- samples/Grok.Chat interactive, every answer failing (each error reported, the session goes on, exit 0)"
rc=0
printf 'first\nsecond\n\n' | XAI_API_KEY=xai-ci-test XAI_BASE_URL=http://127.0.0.1:9/v1/ timeout 120 dotnet run --project samples/Grok.Chat -c "$configuration" --no-build \
  > "$out/session.out" 2> "$out/session.err" || rc=$?
cat "$out/session.err"
[ "$rc" -eq 0 ] || fail "Grok.Chat's interactive session ended with $rc after an API error, not 0"
[ "$(grep -c "(no answer:" "$out/session.err")" -eq 2 ] || fail "Grok.Chat did not report both failed answers and go on"
if grep -q "xai-ci-test" "$out/session.err"; then fail "Grok.Chat printed the API key"; fi

echo "--- samples/Grok.Chat interactive on the emulator (the Responses API keeps the conversation between turns)"
rc=0
printf 'My name is Ada\nWhat is my name?\n\n' | timeout 120 dotnet run --project samples/Grok.Chat -c "$configuration" --no-build \
  > "$out/conversation.out" 2> "$out/conversation.err" || rc=$?
[ "$rc" -eq 0 ] || fail "Grok.Chat's interactive session on the emulator exited with $rc"
grep -q "Before that you said: My name is Ada" "$out/conversation.out" || fail "Grok.Chat's second turn did not continue the first (previous_response_id)"

echo "--- samples/Grok.CustomEndpoints"
rc=0
timeout 120 dotnet run --project samples/Grok.CustomEndpoints -c "$configuration" \
  > "$out/custom.out" 2> "$out/custom.err" < /dev/null || rc=$?
cat "$out/custom.out"; cat "$out/custom.err"
[ "$rc" -eq 0 ] || fail "Grok.CustomEndpoints exited with $rc"
grep -q "^plain: " "$out/custom.out" || fail "Grok.CustomEndpoints printed no plain answer"
grep -q "^streamed: ." "$out/custom.out" || fail "Grok.CustomEndpoints printed no streamed answer"
grep -q "^model: " "$out/custom.out" || fail "Grok.CustomEndpoints printed no model"
grep -Eq "^responses: You said: Name three primary colors\. \(completed, [0-9]+ tokens\)$" "$out/custom.out" \
  || fail "Grok.CustomEndpoints printed no streamed Responses answer ending with response.completed"
echo "--- samples/Grok.Hosting (generic host, appsettings.json, IChatClient with a tool, OpenTelemetry console export)"
rc=0
timeout 120 dotnet run --project samples/Grok.Hosting -c "$configuration" \
  > "$out/hosting.out" 2> "$out/hosting.err" < /dev/null || rc=$?
cat "$out/hosting.err"; grep -E "^answer: |DisplayName|^Metric Name" "$out/hosting.out" || true
[ "$rc" -eq 0 ] || { cat "$out/hosting.out"; fail "Grok.Hosting exited with $rc"; }
grep -q "talking to the local Grok emulator" "$out/hosting.err" || fail "Grok.Hosting did not say on stderr that it uses the emulator"
grep -q "^model from configuration: grok-4-fast$" "$out/hosting.err" || fail "Grok.Hosting did not read DefaultModel from appsettings.json"
grep -q "^tool called: weather(" "$out/hosting.err" || fail "Grok.Hosting's tool was not called (UseFunctionInvocation)"
grep -Eq "^answer: .*C" "$out/hosting.out" || fail "Grok.Hosting printed no answer using the tool's result"
grep -Eq "Activity.DisplayName: +chat grok-4-fast$" "$out/hosting.out" || fail "Grok.Hosting exported no 'chat grok-4-fast' span from the Grok source"
grep -q "gen_ai.provider.name: xai" "$out/hosting.out" || fail "Grok.Hosting's spans have no gen_ai.provider.name"
grep -q "^Metric Name: gen_ai.client.token.usage" "$out/hosting.out" || fail "Grok.Hosting exported no gen_ai.client.token.usage metric"
grep -q "^Metric Name: gen_ai.client.operation.duration" "$out/hosting.out" || fail "Grok.Hosting exported no gen_ai.client.operation.duration metric"
echo "--- samples/Grok.Batch prompts.txt --out answers.jsonl (one batch, progress, answers in file order)"
printf 'What is 2+2?\n\nName a colour.\nSay "hi".\nSpell cat.\n' > "$out/prompts.txt"
rc=0
timeout 120 dotnet run --project samples/Grok.Batch -c "$configuration" -- "$out/prompts.txt" --out "$out/answers.jsonl" \
  > "$out/batch.out" 2> "$out/batch.err" < /dev/null || rc=$?
cat "$out/batch.err"; cat "$out/answers.jsonl" || true
[ "$rc" -eq 0 ] || fail "Grok.Batch exited with $rc"
grep -q "talking to the local Grok emulator" "$out/batch.err" || fail "Grok.Batch did not say on stderr that it uses the emulator"
grep -q "^progress: 2/4 done" "$out/batch.err" || fail "Grok.Batch showed no progress while waiting"
grep -q "^progress: 4/4 done (0 failed)" "$out/batch.err" || fail "Grok.Batch did not wait for the whole batch"
[ "$(wc -l < "$out/answers.jsonl")" -eq 4 ] || fail "Grok.Batch wrote $(wc -l < "$out/answers.jsonl") answer lines, not 4"
python3 - "$out/answers.jsonl" <<'PY' || fail "Grok.Batch's answers are not one JSON object per prompt, in order"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
prompts = ["What is 2+2?", "Name a colour.", 'Say "hi".', "Spell cat."]
assert [l["prompt"] for l in lines] == prompts, lines
assert [l["line"] for l in lines] == [1, 2, 3, 4], lines
assert all(p in l["answer"] for p, l in zip(prompts, lines)), lines
PY

echo "--- samples/Grok.Batch with a missing prompts file (exit code 2 and a message)"
rc=0
timeout 120 dotnet run --project samples/Grok.Batch -c "$configuration" --no-build -- "$out/none.txt" \
  > "$out/batchmissing.out" 2> "$out/batchmissing.err" < /dev/null || rc=$?
[ "$rc" -eq 2 ] || fail "Grok.Batch with a missing prompts file exited with $rc, not 2"
grep -q "Cannot read the prompts file" "$out/batchmissing.err" || fail "Grok.Batch did not say it cannot read the prompts file"
echo "samples OK"
