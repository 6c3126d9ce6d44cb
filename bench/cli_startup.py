"""How fast the command line starts: ``careerpivot --help``, ``roles search`` and the CLI import.

    python bench/cli_startup.py [--repeats 5]

Prints the median and the fastest wall time of each command run as a new process
(``python -m careerpivot.cli`` is not used: the console script is what people run),
and the import time of ``careerpivot.cli`` and ``careerpivot.engine`` from
``python -X importtime``. No target is asserted; the machine's load average is printed
with the figures, since a loaded machine slows every start.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "careerpivot --help": ["--help"],
    "careerpivot roles search 'data analyst'": ["roles", "search", "data analyst"],
    "careerpivot recommend --help": ["recommend", "--help"],
}


def wall(args: list[str], repeats: int) -> list[float]:
    exe = shutil.which("careerpivot") or os.path.join(
        os.path.dirname(sys.executable), "careerpivot"
    )
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([exe, *args], capture_output=True, check=True)
        out.append(time.perf_counter() - t)
    return out


def import_ms(module: str) -> float:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in reversed(done.stderr.splitlines()):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1]) / 1000
    raise SystemExit(f"no import time for {module}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} (1 min), {args.repeats} runs each")
    for name, argv in COMMANDS.items():
        times = wall(argv, args.repeats)
        print(f"  {name:<42} median {statistics.median(times):.2f} s, fastest {min(times):.2f} s")
    for module in ("careerpivot.cli", "careerpivot.engine"):
        print(f"  import {module:<35} {import_ms(module):,.0f} ms (cumulative, -X importtime)")


if __name__ == "__main__":
    main()
