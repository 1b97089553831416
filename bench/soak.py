"""Soak of the service (issue 14, "Measured"): a fixed request rate for a fixed time, with
synchronous validate and generate calls and generate jobs mixed, reporting per window the
requests, errors, p50/p99 latency, the jobs finished and the server's resident memory.

Run by bench/soak.sh (which starts the server); directly:
  python3 bench/soak.py --url http://127.0.0.1:8000 --pid <server pid> --rate 100 --duration 600
  python3 bench/soak.py --url ... --pid ... --capacity 60 --out cap.txt   # the mix's capacity
With --capacity, a closed loop instead: --workers clients each send the same mix back to back for
that many seconds (after --warmup seconds not counted), and the requests/s completed is written:
the capacity that the soak's rate is a fraction of, measured with the same client on the same
machine.
Open loop: a request is sent every 1/rate seconds whether or not earlier ones have answered
(at most --max-in-flight at once; a request that would exceed it is counted as dropped), so a
slow server shows up as latency and drops instead of a lower rate. Errors: any 5xx, any
transport failure, any answer other than the expected one (200 for sync calls and polls, 202 for
a job submission). Bounded in time and count; loopback only.
"""
import argparse
import asyncio
import json
import pathlib
import time

import httpx


def rss_mb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


class Window:
    def __init__(self):
        self.lat = {"validate": [], "generate": [], "job": [], "poll": []}
        self.errors = 0
        self.dropped = 0
        self.jobs_done = 0
        self.job_seconds = []
        self.first_errors = []


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--rate", type=float, help="requests per second (polls not included)")
    ap.add_argument("--capacity", type=int, help="measure the mix's capacity for this many seconds instead")
    ap.add_argument("--workers", type=int, default=16)
    ap.add_argument("--warmup", type=int, default=30)
    ap.add_argument("--duration", type=int, default=600)
    ap.add_argument("--window", type=int, default=60)
    ap.add_argument("--max-in-flight", type=int, default=256)
    ap.add_argument("--schema", default="examples/blog_schema.json")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    schema = pathlib.Path(a.schema).read_text()
    validate_body = '{"schema": ' + schema + "}"
    generate_body = '{"schema": ' + schema + "}"
    job_body = '{"kind": "generate", "schema": ' + schema + "}"
    headers = {"Content-Type": "application/json"}
    windows = []
    w = Window()
    in_flight = 0
    rss_start = rss_mb(a.pid)

    async with httpx.AsyncClient(base_url=a.url, timeout=60, limits=httpx.Limits(max_connections=a.max_in_flight)) as c:

        def error(what):
            w.errors += 1
            if len(w.first_errors) < 5:
                w.first_errors.append(what)

        async def call(kind, method, path, body, expect):
            nonlocal in_flight
            t0 = time.perf_counter()
            try:
                r = await c.request(method, path, content=body, headers=headers)
                dt = (time.perf_counter() - t0) * 1000
                w.lat[kind].append(dt)
                if r.status_code != expect:
                    error(f"{kind} {r.status_code} {r.text[:120]}")
                return r
            except httpx.HTTPError as e:
                error(f"{kind} {type(e).__name__}")
                return None

        async def job():
            r = await call("job", "POST", "/api/v1/jobs", job_body, 202)
            if r is None or r.status_code != 202:
                return
            loc = r.headers["location"]
            t0 = time.perf_counter()
            deadline = t0 + 120
            while time.perf_counter() < deadline:
                await asyncio.sleep(0.25)
                p = await call("poll", "GET", loc, None, 200)
                if p is None or p.status_code != 200:
                    return
                state = p.json()["state"]
                if state in ("succeeded", "failed", "cancelled"):
                    if state != "succeeded":
                        error(f"job {state}: {json.dumps(p.json().get('result'))[:120]}")
                    w.jobs_done += 1
                    w.job_seconds.append(time.perf_counter() - t0)
                    return
            error("job did not finish within 120 s")

        async def one(i):
            nonlocal in_flight
            in_flight += 1
            try:
                if i % 20 == 0:
                    await job()
                elif i % 10 == 5:
                    await call("generate", "POST", "/api/v1/generate", generate_body, 200)
                else:
                    await call("validate", "POST", "/api/v1/validate", validate_body, 200)
            finally:
                in_flight -= 1

        if a.capacity:
            await capacity(a, one, w)
            return

        start = time.perf_counter()
        next_window = start + a.window
        tasks = set()
        i = 0
        while True:
            now = time.perf_counter()
            if now >= start + a.duration:
                break
            if now >= next_window:
                windows.append((w, rss_mb(a.pid)))
                w = Window()
                next_window += a.window
            target = start + i / a.rate
            if target > now:
                await asyncio.sleep(target - now)
            if in_flight >= a.max_in_flight:
                w.dropped += 1
            else:
                t = asyncio.create_task(one(i))
                tasks.add(t)
                t.add_done_callback(tasks.discard)
            i += 1
        if tasks:
            await asyncio.wait(tasks, timeout=130)
        windows.append((w, rss_mb(a.pid)))

    rss_end = rss_mb(a.pid)
    lines = [
        f"rate {a.rate}/s for {a.duration} s ({i} requests sent, polls extra), windows of {a.window} s; "
        f"RSS start {rss_start:.0f} MB, end {rss_end:.0f} MB",
        "",
        "| window | validate n | validate p50 ms | validate p99 ms | generate n | generate p99 ms | jobs done | job s (mean) "
        "| polls | errors | dropped | RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    total_errors = 0
    for n, (win, rss) in enumerate(windows, 1):
        total_errors += win.errors
        js = sum(win.job_seconds) / len(win.job_seconds) if win.job_seconds else float("nan")
        lines.append(
            f"| {n} | {len(win.lat['validate'])} | {pct(win.lat['validate'], 50):.1f} | {pct(win.lat['validate'], 99):.1f} "
            f"| {len(win.lat['generate'])} | {pct(win.lat['generate'], 99):.1f} | {win.jobs_done} | {js:.2f} "
            f"| {len(win.lat['poll'])} | {win.errors} | {win.dropped} | {rss:.0f} |")
    lines.append("")
    lines.append(f"errors in total: {total_errors}")
    for win, _ in windows:
        for e in win.first_errors:
            lines.append(f"- {e}")
    text = "\n".join(lines) + "\n"
    pathlib.Path(a.out).write_text(text)
    print(text)


async def capacity(a, one, w):
    """Closed loop: the mix back to back from --workers clients; writes completed requests/s."""
    done = 0
    counting = False

    async def worker(k):
        nonlocal done
        i = k
        while True:
            await one(i)
            if counting:
                done += 1
            i += a.workers

    tasks = [asyncio.create_task(worker(k)) for k in range(a.workers)]
    await asyncio.sleep(a.warmup)
    errors0 = w.errors
    counting = True
    t0 = time.perf_counter()
    await asyncio.sleep(a.capacity)
    counting = False
    rps = done / (time.perf_counter() - t0)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    text = f"{rps:.1f} requests/s ({done} in {a.capacity} s, {a.workers} clients, errors {w.errors - errors0})\n"
    pathlib.Path(a.out).write_text(text)
    print(text, end="")


asyncio.run(main())
