#!/usr/bin/python3
"""A text flame-graph summary of a JFR recording of the server (JDK's `jfr` tool, no download).

  /usr/bin/python3 bench/jfr_summary.py recording.jfr [--top 25]

Prints, from jdk.ExecutionSample (Java code only: libwebrtc's native threads never appear), the
hottest frames by self time and by total (inclusive) time, the samples per thread group, and from
jdk.ObjectAllocationSample the allocation weight by allocating frame and class. Record with
-XX:StartFlightRecording=filename=...,settings=profile (bench/run-echo-bench.sh BENCH_JVM_OPTS).
"""

import argparse
import collections
import json
import re
import subprocess


def events(path, name):
    out = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "64", "--events", name, path],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    m = f["method"]
    return "%s.%s" % (re.split(r"[./]", m["type"]["name"])[-1], m["name"])


def thread_group(t):
    name = (t or {}).get("javaName") or (t or {}).get("osName") or "?"
    return re.sub(r"\d+", "#", name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jfr")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()

    samples = events(args.jfr, "jdk.ExecutionSample")
    self_t = collections.Counter()
    total_t = collections.Counter()
    threads = collections.Counter()
    ours = collections.Counter()
    for e in samples:
        v = e["values"]
        frames = [frame_name(f) for f in (v.get("stackTrace") or {}).get("frames", [])]
        threads[thread_group(v.get("sampledThread"))] += 1
        if not frames:
            continue
        self_t[frames[0]] += 1
        for f in set(frames):
            total_t[f] += 1
        for f in frames:  # the innermost frame of ours in the stack
            if re.match(r"^[A-Z]\w*\.", f) and any(
                f.startswith(c + ".")
                for c in (
                    "AudioClock", "Connection", "AudioOutput", "OutboundAudio", "AudioLane",
                    "HandlerLane", "SerialExecutor", "PeerSession", "AudioTrackBridge",
                    "InputAudio", "FrameAssembler", "NativeResampler", "Pcm", "EchoHandler",
                    "RuntimeMetrics",
                )
            ):
                ours[f] += 1
                break
    n = max(1, len(samples))
    print("jdk.ExecutionSample: %d samples" % len(samples))
    print("\nby thread group:")
    for k, c in threads.most_common(args.top):
        print("  %6.1f %%  %s" % (100.0 * c / n, k))
    print("\ntop frames, self:")
    for k, c in self_t.most_common(args.top):
        print("  %6.1f %%  %s" % (100.0 * c / n, k))
    print("\ntop frames, total (inclusive):")
    for k, c in total_t.most_common(args.top):
        print("  %6.1f %%  %s" % (100.0 * c / n, k))
    print("\ninnermost FastRTC audio-path frame of each sample:")
    for k, c in ours.most_common(args.top):
        print("  %6.1f %%  %s" % (100.0 * c / n, k))

    allocs = events(args.jfr, "jdk.ObjectAllocationSample")
    by_site = collections.Counter()
    by_class = collections.Counter()
    total = 0
    for e in allocs:
        v = e["values"]
        w = v.get("weight", 0)
        total += w
        frames = [frame_name(f) for f in (v.get("stackTrace") or {}).get("frames", [])]
        cls = (v.get("objectClass") or {}).get("name", "?")
        by_class[cls] += w
        by_site[" <- ".join(frames[:3]) if frames else "?"] += w
    print("\njdk.ObjectAllocationSample: %.1f MB sampled weight" % (total / 1e6))
    print("\nallocation by class:")
    for k, w in by_class.most_common(args.top):
        print("  %6.1f %%  %s" % (100.0 * w / max(1, total), k))
    print("\nallocation by site (3 innermost frames):")
    for k, w in by_site.most_common(args.top):
        print("  %6.1f %%  %s" % (100.0 * w / max(1, total), k))


if __name__ == "__main__":
    main()
