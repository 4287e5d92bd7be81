"""How long a full room of phones takes to come back after the server restarts.

The scenario is the reconnect-storm test's (tests/web/test_reconnect_storm.py): N live
phones, half of them answered, the server restarted from its run journal, every phone
reconnecting with the phone page's backoff and jitter. The test checks correctness (every
phone back, tallies unchanged, no double count); this prints the time, which depends on
the machine and what else it is doing.

    python benchmarks/reconnect_storm.py [--phones 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the scenario lives with the tests

from tests.web.test_reconnect_storm import reconnect_storm  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, args.phones * 3 + 200)),
                                                hard))
    times = []
    for number in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory() as folder:
            took = asyncio.run(reconnect_storm(Path(folder), args.phones))
        times.append(took)
        print(f"run {number}: {args.phones} phones back in {took:.2f} s", flush=True)
    print(f"reconnect storm, {args.phones} phones: median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s over {len(times)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
