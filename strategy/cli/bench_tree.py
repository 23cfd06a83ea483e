"""The memory of this process and every process it started (Chromium's included), sampled while an
action runs. Summed as PSS, each shared page split between the processes sharing it: summing RSS would
count Chromium's shared libraries and zygote once per process."""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROC = Path("/proc")


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            found[parent].append(int(entry.name))
    return found


def _pss_mb(pid: int) -> float:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_pss_mb(root: int | None = None) -> float:
    """PSS of a process and all its descendants, in MB (0 where /proc cannot tell)."""
    children, todo, total = _children(), [root or os.getpid()], 0.0
    while todo:
        pid = todo.pop()
        total += _pss_mb(pid)
        todo += children.get(pid, [])
    return total


@contextmanager
def peak_tree_memory(every_s: float = 0.1) -> Iterator[list[float]]:
    """Yields a one-item list that holds, once the block ends, the highest tree PSS seen in it (MB)."""
    peak = [tree_pss_mb()]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(every_s):
            peak[0] = max(peak[0], tree_pss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()
        peak[0] = max(peak[0], tree_pss_mb())
