#!/usr/bin/env python3
"""Summarise a dotnet-trace speedscope file (dotnet-sampled-thread-time, converted with
`dotnet-trace convert --format speedscope`): inclusive and exclusive time per frame over all threads, counting only
time whose leaf frame is running code (not a thread waiting in the thread pool, a socket poll or a semaphore).

usage: speedscope_summary.py FILE.speedscope.json [--top N] [--callers TEXT] [--match TEXT ...]
--callers TEXT: the stacks (3 frames up) through which a frame containing TEXT runs.
"""
import json, sys, collections

# dotnet-sampled-thread-time ends a stack with CPU_TIME (running managed code) or UNMANAGED_CODE_TIME (in native
# code: mostly waits). Only CPU_TIME stacks count, minus the thread pool's idle spinning.
IDLE = ("LowLevelLifoSemaphore.Wait", "LowLevelSpinWaiter", "PortableThreadPool+GateThread")

def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 40
    matches = sys.argv[sys.argv.index("--match") + 1:] if "--match" in sys.argv else []
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    callers_of = sys.argv[sys.argv.index("--callers") + 1] if "--callers" in sys.argv else None
    callers = collections.Counter()
    inclusive = collections.Counter()
    exclusive = collections.Counter()
    total = 0.0
    for profile in data["profiles"]:
        stack = []
        last = None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack:
                span = at - last
                names = [frames[i] for i in stack]
                if names[-1] == "CPU_TIME" and len(names) > 1 and not any(any(w in n for w in IDLE) for n in names):
                    total += span
                    exclusive[names[-2]] += span
                    for name in set(names[:-1]):
                        inclusive[name] += span
                    if callers_of:
                        hits = [k for k, n in enumerate(names) if callers_of in n]
                        if hits:
                            k = hits[0]
                            callers[" <- ".join(n.split("!")[-1][:70] for n in names[max(0, k - 3):k + 1][::-1])] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                stack.pop()
    print(f"running time: {total:.0f} ms over {len(data['profiles'])} threads")
    if callers_of:
        for stack, t in callers.most_common(top):
            print(f"{100 * t / total:6.1f}%  {stack}")
        return
    print("\n-- inclusive (share of running time) --")
    for name, t in inclusive.most_common(top):
        if not matches or any(m in name for m in matches):
            print(f"{100 * t / total:6.1f}%  {name[:150]}")
    print("\n-- exclusive --")
    for name, t in exclusive.most_common(top):
        print(f"{100 * t / total:6.1f}%  {name[:150]}")

main()
