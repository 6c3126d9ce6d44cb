"""HTTP API speed: `careerpivot serve` with 2 workers on loopback, O*NET 29.2 + BLS data,
POST /v1/recommend with the top 20 pivots and their explanations.

Prints throughput and p50/p95 latency at 1, 8 and 32 concurrent clients, the CPU time the
server's processes and the clients spend per request, the memory of each process, and the
in-process engine's throughput on the same machine for comparison.
Targets: p95 <= 50 ms at 8 concurrent clients; API throughput >= 60% of in-process.

    .venv/bin/python bench/api.py                 # imports O*NET into a temp folder first
    .venv/bin/python bench/api.py --data-dir /tmp/cpdata-16 --seconds 20

Clients hold one keep-alive connection each. They check every answer's status and that it
lists k pivots (a byte count of its ``"rank":`` keys) and parse every 16th answer whole
(``--parse-every``): the clients share the machine's 2 cores with the server, and parsing
each 60 KiB answer took most of their CPU (``--parse-every 1`` parses every answer, as
before). They are threads of
this process, or with ``--client-processes`` one process each, as separate callers are (no
shared interpreter lock; on this 2-core machine that measured no better: p95 at 8 clients
58.9-72.4 ms against 57.5-58.1 ms for threads, three alternating runs). Either way they
share the machine's cores with the server; their CPU time is printed.

    .venv/bin/python bench/api.py --data-dir /tmp/cpdata-16 --client-processes
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import numpy as np

from careerpivot.datasets.importing import import_onet
from careerpivot.datasets.registry import available_datasets
from careerpivot.engine import Engine
from careerpivot.schemas import RecommendAnswer
from careerpivot.testing import shared_dir

K = 20
#: Each client parses every n-th answer whole (the others are checked by status and size).
PARSE_EVERY = 16


def ensure_onet(data_dir: Path, onet: Path, bls: Path) -> str:
    """The O*NET data set's name in ``data_dir``, imported first when missing."""
    for info in available_datasets(data_dir):
        if info.name.startswith("onet"):
            return info.name
    print(f"importing O*NET from {onet} and BLS from {bls} into {data_dir} ...", flush=True)
    result = import_onet(
        onet,
        data_dir=data_dir,
        oews=bls / "oews_national_M2024_dl.xlsx",
        projections=bls / "ep_occupation_2024_34.xlsx",
    )
    return result.dataset.name


def percentiles(ms: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    a = np.asarray(ms)
    return float(np.percentile(a, 50)), float(np.percentile(a, 95))


def in_process(
    name: str, data_dir: Path, codes: list[str], seconds: float, detail: str = "summary"
) -> dict[str, float]:
    """Requests per second of the engine called directly (one thread), with and without
    building the JSON answer the API sends."""
    eng = Engine.load(name, data_dir)
    _ = eng.titles
    out = {}
    for label, to_json in (("engine", False), ("engine + JSON", True)):
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            code = codes[n % len(codes)]
            prof = eng.profile_for(code)
            pivots = eng.recommend(prof, K)
            if to_json:
                RecommendAnswer.of(eng.dataset, code, pivots, detail).model_dump_json()
            n += 1
        out[label] = n / (time.perf_counter() - t0)
    return out


def start_server(
    name: str, data_dir: Path, port: int, workers: int, threads: int
) -> subprocess.Popen[bytes]:
    """``careerpivot serve`` in a child process; returns once /health answers."""
    env = {**os.environ, "CAREERPIVOT_DATA_DIR": str(data_dir)}
    cmd = [
        sys.executable,
        "-c",
        "from careerpivot.cli import main; main()",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--dataset",
        name,
    ]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit("server did not answer /health within 300 s")


def children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (from /proc)."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d.name))
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int) -> tuple[float, float]:
    """Resident (RSS) and proportional (PSS: shared pages split between sharers) MB."""
    rss = pss = 0.0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss"):
            kb = float(rest.split()[0]) / 1024
            rss, pss = (kb, pss) if key == "Rss" else (rss, kb)
    return rss, pss


def complete(data: bytes, parse: bool) -> bool:
    """Whether an answer lists :data:`K` pivots: counted by their ``"rank":`` keys (only a
    pivot has one; a quote inside a JSON string is escaped), or by parsing it whole."""
    if parse:
        return len(json.loads(data)["pivots"]) == K
    return data.count(b'"rank":') == K


def client_loop(
    port: int,
    codes: list[str],
    detail: str,
    first: int,
    step: int,
    stop: float,
    parse_every: int = PARSE_EVERY,
) -> tuple[list[float], int, float]:
    """One client: posts recommend requests on one keep-alive connection until the
    monotonic clock reaches ``stop``, checking every answer (see :func:`complete`; each
    ``parse_every``-th parsed whole); latencies (ms), errors and the CPU seconds it used
    (its thread's, or its process's)."""
    cpu0 = time.thread_time()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    mine, errors, n = [], 0, first
    while time.monotonic() < stop:
        body = json.dumps({"role": codes[n % len(codes)], "k": K, "detail": detail})
        n += step
        t = time.perf_counter()
        try:
            conn.request("POST", "/v1/recommend", body, {"Content-Type": "application/json"})
            resp = conn.getresponse()
            data = resp.read()
        except (OSError, http.client.HTTPException):  # counted, then a fresh connection
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        mine.append((time.perf_counter() - t) * 1000)
        if resp.status != 200 or not complete(data, len(mine) % parse_every == 0):
            errors += 1
    conn.close()
    return mine, errors, time.thread_time() - cpu0


def load(
    port: int,
    codes: list[str],
    clients: int,
    seconds: float,
    detail: str = "summary",
    processes: bool = False,
    parse_every: int = PARSE_EVERY,
) -> tuple[float, list[float], int, float]:
    """``clients`` clients posting recommend requests for ``seconds``: req/s, latencies,
    errors and the clients' CPU seconds. Clients are threads of this process, or with
    ``processes`` one process each (as separate callers are: no interpreter lock shared
    between them, which otherwise adds its waits to the latencies measured)."""
    t0 = time.perf_counter()
    stop = time.monotonic() + seconds
    args = [(port, codes, detail, i, clients, stop, parse_every) for i in range(clients)]
    if processes:
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(clients, mp_context=fork) as pool:
            done = list(pool.map(client_loop, *zip(*args, strict=True)))
    else:
        with ThreadPoolExecutor(clients) as threads:
            done = list(threads.map(client_loop, *zip(*args, strict=True)))
    latencies = [x for lat, _, _ in done for x in lat]
    elapsed = time.perf_counter() - t0
    return len(latencies) / elapsed, latencies, sum(e for _, e, _ in done), sum(c for *_, c in done)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--onet", type=Path, default=shared_dir() / "onet" / "db_29_2_text")
    ap.add_argument("--bls", type=Path, default=shared_dir() / "bls")
    ap.add_argument("--data-dir", type=Path, help="keep the imported data set here (default: temp)")
    ap.add_argument("--port", type=int, default=8580)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--threads",
        type=int,
        default=1,
        help="serve --threads: requests a process computes at once where workers are not "
        "forked (on Linux each forked worker computes one at a time, whatever this says)",
    )
    ap.add_argument("--seconds", type=float, default=15.0, help="per concurrency level")
    ap.add_argument("--clients", default="1,8,32")
    ap.add_argument("--detail", choices=("summary", "full"), default="summary")
    ap.add_argument(
        "--client-processes",
        action="store_true",
        help="run each client in its own process (as separate callers are) instead of a "
        "thread of this one (no shared interpreter lock between clients)",
    )
    ap.add_argument(
        "--parse-every",
        type=int,
        default=PARSE_EVERY,
        help="each client parses every n-th answer whole (1: every answer); all are "
        "checked for status and pivot count",
    )
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        name = ensure_onet(data_dir, args.onet, args.bls)
        eng = Engine.load(name, data_dir)
        rng = np.random.default_rng(0)
        rated = np.flatnonzero(eng.dataset.scorable)
        codes = [
            eng.dataset.occupations[int(i)].code for i in rng.choice(rated, 200, replace=False)
        ]
        pivots = eng.recommend(eng.profile_for(codes[0]), K)
        size = {
            d: len(RecommendAnswer.of(eng.dataset, codes[0], pivots, d).model_dump_json())
            for d in ("summary", "full")
        }
        print(
            f"data set {name}: {len(eng.dataset)} roles; one answer (top {K} with explanations) "
            f"is {size['summary'] / 1024:.0f} KiB of JSON (detail=full: {size['full'] / 1024:.0f} KiB)"
        )
        del eng

        base = in_process(name, data_dir, codes, args.seconds, args.detail)
        for label, rate in base.items():
            print(f"in-process, one thread, {label:<14} {rate:7.1f} recommend/s")

        server = start_server(name, data_dir, args.port, args.workers, args.threads)
        try:
            load(args.port, codes, 4, 3.0, args.detail, args.client_processes)  # warm up
            # uvicorn's worker processes (spawned children; not multiprocessing's tracker)
            # the server's process and its workers (children; not multiprocessing's tracker)
            worker_ids = [
                p
                for p in children(server.pid)
                if b"resource_tracker" not in Path(f"/proc/{p}/cmdline").read_bytes()
            ]
            processes = [server.pid, *worker_ids]
            print(
                f"\nAPI: {args.workers} worker processes "
                f"on 127.0.0.1:{args.port}, "
                f"POST /v1/recommend k={K} detail={args.detail}; clients are "
                f"{'processes' if args.client_processes else 'threads of this process'}, "
                f"each parsing 1 answer in {args.parse_every} whole"
            )
            print(
                f"{'clients':>8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}  "
                "vs in-process  CPU ms/request: server (front + workers), clients"
            )
            results = {}
            for c in (int(x) for x in args.clients.split(",")):
                cpu0 = [cpu_seconds(p) for p in processes]
                rate, lat, errs, client_cpu = load(
                    args.port,
                    codes,
                    c,
                    args.seconds,
                    args.detail,
                    args.client_processes,
                    args.parse_every,
                )
                own = client_cpu * 1000 / max(len(lat), 1)
                used = [cpu_seconds(p) - t for p, t in zip(processes, cpu0, strict=True)]
                per = [u * 1000 / max(len(lat), 1) for u in used]
                p50, p95 = percentiles(lat)
                results[c] = (rate, p95)
                print(
                    f"{c:>8} {rate:8.1f} {p50:8.1f} {p95:8.1f} {errs:>7}  "
                    f"{rate / base['engine']:>13.0%}  {sum(per):.1f} "
                    f"({' + '.join(f'{x:.1f}' for x in per)}), {own:.1f}"
                )
            for label, pid in [("server", server.pid)] + [("worker", p) for p in worker_ids]:
                rss, pss = memory_mb(pid)
                print(
                    f"{label} {pid}: {rss:.0f} MB resident, {pss:.0f} MB proportional (shared pages split)"
                )
            best = max(r for r, _ in results.values())
            if 8 in results:
                print(f"\np95 at 8 clients: {results[8][1]:.1f} ms (target <= 50 ms)")
            print(
                f"best API throughput {best:.1f} req/s = {best / base['engine']:.0%} of the in-process engine's {base['engine']:.1f}/s (target >= 60%)"
            )
            print(
                f"machine: {os.cpu_count()} CPUs, load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work shares them)"
            )
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
