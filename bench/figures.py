"""What `make bench` reports: figures (samples with a median, min and max, and maybe a
target), ratios between two figures measured side by side, the table printed on
stdout and the rows written to bench/results.json.

A figure's samples are seconds (shown in ms) or megabytes. Its target is an upper
bound on the median (and, for search, on the 95th percentile). A ratio divides
one figure's median by another's and is held to a bound: "at most 3 times the
bare window" or "at least 10 times faster than jrnl".
"""

from __future__ import annotations

import math
import os
import platform
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    name: str
    what: str
    samples: list[float] = field(default_factory=list)  # seconds, or MB when unit is "MB"
    rows: int | None = None
    target: float | None = None  # the median at most this (ms or MB)
    p95_target: float | None = None  # and the 95th percentile at most this
    unit: str = "ms"
    issue: str = ""  # the letter of the figure in issue 11's list, if it is one

    @property
    def scale(self) -> float:
        return 1000.0 if self.unit == "ms" else 1.0

    @property
    def median(self) -> float:
        return statistics.median(self.samples) * self.scale

    @property
    def p95(self) -> float:
        """The 95th percentile (nearest rank)."""
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] * self.scale

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        met = self.median <= self.target
        if self.p95_target is not None:
            met = met and self.p95 <= self.p95_target
        return met

    def target_words(self) -> str:
        if self.target is None:
            return ""
        words = f"<= {self.target:g} {self.unit}"
        if self.p95_target is not None:
            words += f", p95 <= {self.p95_target:g} {self.unit}"
        return words

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "issue": self.issue or None,
            "name": self.name,
            "what": self.what,
            "unit": self.unit,
            "runs": len(self.samples),
            "median": round(self.median, 2),
            "min": round(min(self.samples) * self.scale, 2),
            "max": round(max(self.samples) * self.scale, 2),
            "rows": self.rows,
            "target": self.target_words() or None,
            "met": self.met,
        }
        if self.p95_target is not None:
            result["p95"] = round(self.p95, 2)
        return result


@dataclass
class Ratio:
    """`ours` against `theirs`, measured in the same rounds. With `at_most`, ours'
    median over theirs is held to it (ours may take that many times as long); with
    `at_least_faster`, theirs' median over ours must reach it."""

    name: str
    what: str
    ours: Figure
    theirs: Figure
    at_most: float | None = None
    at_least_faster: float | None = None
    issue: str = ""

    @property
    def value(self) -> float:
        """Ours' median over theirs' (below 1: ours is faster)."""
        return self.ours.median / self.theirs.median

    @property
    def met(self) -> bool | None:
        if self.at_most is not None:
            return self.value <= self.at_most
        if self.at_least_faster is not None:
            return 1 / self.value >= self.at_least_faster
        return None

    def value_words(self) -> str:
        if self.at_least_faster is not None or self.value < 1:
            return f"{1 / self.value:.1f}x faster"
        return f"{self.value:.2f}x"

    def target_words(self) -> str:
        if self.at_most is not None:
            return f"<= {self.at_most:g}x"
        if self.at_least_faster is not None:
            return f">= {self.at_least_faster:g}x faster"
        return ""

    def per_round(self) -> list[float]:
        """Ours over theirs in each round (the rounds interleave the two)."""
        return [a / b for a, b in zip(self.ours.samples, self.theirs.samples, strict=False)]

    def summary(self) -> dict[str, Any]:
        rounds = self.per_round()
        return {
            "issue": self.issue or None,
            "name": self.name,
            "what": self.what,
            "unit": "ratio",
            "ours": self.ours.name,
            "theirs": self.theirs.name,
            "ours_median_ms": round(self.ours.median, 2),
            "theirs_median_ms": round(self.theirs.median, 2),
            "ratio": round(self.value, 4),
            "in_words": self.value_words(),
            "min_round_ratio": round(min(rounds), 4),
            "max_round_ratio": round(max(rounds), 4),
            "target": self.target_words() or None,
            "met": self.met,
        }


def machine_speed() -> float:
    """Seconds for a fixed piece of pure Python (a million additions). On a shared machine
    the same code takes up to twice as long from one minute to the next; sampled in each
    round, this shows how fast the machine was while the figures beside it were taken."""
    start = time.perf_counter()
    total = 0
    for number in range(1_000_000):
        total += number
    return time.perf_counter() - start


def machine_figure(part: str) -> Figure:
    return Figure(f"Machine: a million additions ({part})", "a fixed loop of pure Python")


def machine() -> dict[str, Any]:
    memory = None
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            first = meminfo.readline().split()  # MemTotal: N kB
            memory = round(int(first[1]) / 1024**2, 1)
    except (OSError, ValueError, IndexError):
        pass
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "platform": platform.platform(),
        "processor": model,
        "cpus": os.cpu_count(),
        "memory_gib": memory,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def _cell(value: float, unit: str) -> str:
    if unit == "ms" and value >= 10_000:
        return f"{value / 1000:.1f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.0f} {unit}"


def table_rows(items: list[Figure | Ratio]) -> list[tuple[str, ...]]:
    """(issue, figure, median, min, max, runs, target, verdict) for each item."""
    rows = []
    for item in items:
        verdict = {True: "met", False: "MISSED", None: ""}[item.met]
        if isinstance(item, Ratio):
            rounds = item.per_round()
            low, high = min(rounds), max(rounds)
            if item.at_least_faster is not None or item.value < 1:
                spread = (f"{1 / high:.1f}x", f"{1 / low:.1f}x")
            else:
                spread = (f"{low:.2f}x", f"{high:.2f}x")
            rows.append(
                (
                    item.issue,
                    item.name,
                    item.value_words(),
                    *spread,
                    str(len(rounds)),
                    item.target_words(),
                    verdict,
                )
            )
            continue
        low, high = min(item.samples) * item.scale, max(item.samples) * item.scale
        target = item.target_words()
        if item.p95_target is not None:
            target += f" (p95 {_cell(item.p95, item.unit)})"
        rows.append(
            (
                item.issue,
                item.name,
                _cell(item.median, item.unit),
                _cell(low, item.unit),
                _cell(high, item.unit),
                str(len(item.samples)),
                target,
                verdict,
            )
        )
    return rows


HEADER = ("", "figure", "median", "min", "max", "runs", "target", "")


def text_table(items: list[Figure | Ratio]) -> str:
    rows = [HEADER, *table_rows(items)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADER))]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            cell.ljust(width) if column in (0, 1, 6, 7) else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("-" * len(lines[0]))
    return "\n".join(lines)


def markdown_table(items: list[Figure | Ratio]) -> str:
    lines = [
        "| | Figure | Median | Min | Max | Runs | Target | |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for row in table_rows(items):
        cells = [cell.replace("|", "\\|") for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_alone(
    measure: Callable[[Path, int, list[str]], Iterable[Figure | Ratio]], rounds: int
) -> int:
    """One part of the bench on its own (`python bench/<part>.py`): measured on the large
    notebook (built first if need be), its table printed, then its notes."""
    from large_notebook import cached_large_notebook

    notes: list[str] = []
    print(text_table(list(measure(cached_large_notebook(), rounds, notes))))
    for note in notes:
        print(note)
    return 0
