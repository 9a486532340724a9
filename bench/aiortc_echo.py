#!/usr/bin/python3
"""Echo benchmark with an independent client: aiortc (Debian's python3-aiortc, FastRTC's own engine).

Connects N echo streams through FastRTC's offer route (POST {sdp, type, webrtc_id}, the "text"
data channel created before the offer), plays a 440 Hz tone at 48 kHz in 20 ms frames on each,
and counts what comes back: frames per second per peer, and 10 ms chunks that do not carry the
tone. During the window it reads the server's CPU per thread from /proc/<pid>/task/*/stat,
grouped by thread name, and the server's counters from /api/status.

  /usr/bin/python3 bench/aiortc_echo.py --url http://localhost:9440 --pid 1234 --sizes 1,10,20

Needs `apt-get install python3-aiortc` (1.4.0 on Debian 12). A measurement, not a test.
"""

import argparse
import asyncio
import fractions
import json
import math
import os
import re
import resource
import time
import urllib.request
import uuid

import numpy as np
from aiortc import RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from av import AudioFrame

RATE = 48000
SAMPLES = 960  # 20 ms
TONE_RMS = 1500  # the tone's RMS is about 5657 (amplitude 8000)
CLK_TCK = os.sysconf("SC_CLK_TCK")


class ToneTrack(MediaStreamTrack):
    """A 440 Hz tone, paced in real time (aiortc's sender calls recv() as fast as it can)."""

    kind = "audio"

    def __init__(self, freq):
        super().__init__()
        self.freq = freq
        self.pts = 0
        self.start = None

    async def recv(self):
        if self.start is None:
            self.start = time.monotonic()
        due = self.start + self.pts / RATE
        wait = due - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        t = (np.arange(SAMPLES) + self.pts) / RATE
        samples = (8000 * np.sin(2 * math.pi * self.freq * t)).astype(np.int16)
        frame = AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = RATE
        frame.pts = self.pts
        frame.time_base = fractions.Fraction(1, RATE)
        self.pts += SAMPLES
        return frame


class Peer:
    def __init__(self, args):
        self.pc = RTCPeerConnection()
        self.pc.createDataChannel("text")
        self.pc.addTrack(ToneTrack(args.freq))
        self.chunks = 0  # 10 ms chunks received
        self.tone = 0  # of which carry the tone
        self.counting = False
        self.reader = None
        self.pc.on("track", self.on_track)

    def on_track(self, track):
        if track.kind == "audio":
            self.reader = asyncio.ensure_future(self.read(track))

    async def read(self, track):
        while True:
            try:
                frame = await track.recv()
            except Exception:  # the track ended
                return
            if not self.counting:
                continue
            a = frame.to_ndarray().reshape(-1)
            channels = len(frame.layout.channels)
            mono = a[::channels].astype(np.float64) if channels > 1 else a.astype(np.float64)
            step = frame.sample_rate // 100
            for i in range(0, len(mono) - step + 1, step):
                self.chunks += 1
                if math.sqrt(np.mean(mono[i : i + step] ** 2)) >= TONE_RMS:
                    self.tone += 1

    async def connect(self, url, path):
        await self.pc.setLocalDescription(await self.pc.createOffer())
        body = json.dumps(
            {
                "sdp": self.pc.localDescription.sdp,
                "type": "offer",
                "webrtc_id": uuid.uuid4().hex[:12],
            }
        ).encode()
        answer = await asyncio.get_running_loop().run_in_executor(
            None, lambda: http("POST", url + path, body)
        )
        if "sdp" not in answer:
            raise RuntimeError("offer refused: %s" % answer)
        await self.pc.setRemoteDescription(RTCSessionDescription(answer["sdp"], answer["type"]))


def http(method, url, body=None):
    req = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as r:
        text = r.read().decode()
        return json.loads(text) if text.strip() else {}


def group(name):
    """Thread names without their numbers: 'Default Executor-thread-12' -> 'Default Executor-thread-#'."""
    return re.sub(r"\d+", "#", name)


def threads(pid):
    """{tid: (name, utime+stime ticks)} of a process."""
    out = {}
    base = "/proc/%d/task" % pid
    for tid in os.listdir(base):
        try:
            with open("%s/%s/stat" % (base, tid)) as f:
                stat = f.read()
            with open("%s/%s/comm" % (base, tid)) as f:
                name = f.read().strip()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        out[tid] = (name, int(fields[11]) + int(fields[12]))
    return out


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def measure(args, n):
    peers = [Peer(args) for _ in range(n)]
    for i in range(0, n, args.batch):
        await asyncio.gather(*(p.connect(args.url, args.path) for p in peers[i : i + args.batch]))
    await asyncio.sleep(args.warmup)
    http("POST", args.url + "/api/status/reset", b"")
    for p in peers:
        p.counting = True
    before = threads(args.pid)
    self_before = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.monotonic()
    await asyncio.sleep(args.window)
    elapsed = time.monotonic() - t0
    after = threads(args.pid)
    self_after = resource.getrusage(resource.RUSAGE_SELF)
    for p in peers:
        p.counting = False
    status = http("GET", args.url + "/api/status")
    metrics = status.get("metrics", status)
    rss = rss_mb(args.pid)
    groups = {}
    for tid, (name, ticks) in after.items():
        prev = before.get(tid, (name, 0))[1]
        groups[group(name)] = groups.get(group(name), 0) + ticks - prev
    total = sum(groups.values())
    pct = lambda ticks: 100.0 * ticks / CLK_TCK / elapsed
    cli = (
        self_after.ru_utime + self_after.ru_stime - self_before.ru_utime - self_before.ru_stime
    ) / elapsed * 100
    chunks = sum(p.chunks for p in peers)
    tone = sum(p.tone for p in peers)
    expected = n * elapsed * 100
    row = {
        "n": n,
        "srv": pct(total),
        "per": pct(total) / n,
        "cli": cli,
        "rss": rss,
        "recv": chunks / n / elapsed,
        "miss": 100.0 * max(0.0, expected - tone) / expected,
        "drop": metrics.get("inputDropped", -1),
        "late": 100.0 * metrics.get("lateTicks", 0) / max(1, metrics.get("clockTicks", 1)),
        "p50": metrics.get("latencyP50Ms", -1),
        "p99": metrics.get("latencyP99Ms", -1),
        "in": 100.0 * metrics.get("framesIn", 0) / (n * elapsed * 50),
    }
    print("N=%d server CPU by thread (%% of one core; per stream):" % n)
    for name, ticks in sorted(groups.items(), key=lambda kv: -kv[1]):
        if pct(ticks) >= 0.05:
            print("  %-40s %7.2f %7.3f" % (name, pct(ticks), pct(ticks) / n))
    print(
        "N=%(n)d srvCPU=%(srv).1f%% /conn=%(per).2f%% cliCPU=%(cli).1f%% RSS=%(rss).0fMB "
        "in=%(in).1f%% recv/s=%(recv).1f miss=%(miss).2f%% drop=%(drop)s late=%(late).2f%% "
        "p50=%(p50)sms p99=%(p99)sms" % row,
        flush=True,
    )
    for p in peers:
        await p.pc.close()
        if p.reader:
            p.reader.cancel()
    await asyncio.sleep(3)
    return row


async def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--url", default="http://localhost:9440")
    ap.add_argument("--path", default="/webrtc/offer")
    ap.add_argument("--pid", type=int, required=True, help="the server process")
    ap.add_argument("--sizes", default="1,10,20")
    ap.add_argument("--warmup", type=float, default=5)
    ap.add_argument("--window", type=float, default=20)
    ap.add_argument("--batch", type=int, default=10)
    ap.add_argument("--freq", type=float, default=440)
    args = ap.parse_args()
    print("aiortc echo client: idle server RSS %.0f MB" % rss_mb(args.pid))
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        rows.append(await measure(args, n))
    print("\n|    N | srvCPU% | /conn% | cliCPU% | RSS MB | recv/s | miss% | late% | p50 ms | p99 ms |")
    print("|-----:|--------:|-------:|--------:|-------:|-------:|------:|------:|-------:|-------:|")
    for r in rows:
        print(
            "| %(n)4d | %(srv)7.1f | %(per)6.2f | %(cli)7.1f | %(rss)6.0f | %(recv)6.1f | %(miss)5.2f "
            "| %(late)5.2f | %(p50)6s | %(p99)6s |" % r
        )


if __name__ == "__main__":
    asyncio.run(main())
