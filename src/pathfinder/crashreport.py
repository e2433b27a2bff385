"""A technical report of an unexpected error, safe to copy into a bug report.

It names the code that failed, never the data: the exception's message is left
out because it can quote the user's own text.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from pathfinder import __version__


def build_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    qt_version: str = "",
) -> str:
    import platform  # only when there is a crash to report

    lines = [
        f"Pathfinder {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
    ]
    if qt_version:
        lines.append(f"Qt {qt_version}")
    lines.append(f"Time: {datetime.now().isoformat(timespec='seconds')}")
    lines.append("")
    lines.append(f"Error: {exc_type.__module__}.{exc_type.__qualname__}")
    lines.append("(The error's own message is left out: it may quote your notes.)")
    lines.append("")
    lines.append("Where it happened (most recent call last):")
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
    cause = exc.__cause__ or exc.__context__
    if cause is not None:
        lines.append(f"While handling: {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines) + "\n"


def _short_path(filename: str) -> str:
    """Keep the path from the package down, so no user folder names leak."""
    parts = Path(filename).parts
    for anchor in ("pathfinder", "site-packages", "lib"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[index:])
    return Path(filename).name


def write_report(report: str, logs_dir: Path) -> Path | None:
    """Save the report as logs/crash-<time>.txt; None if even that fails."""
    try:
        if not logs_dir.is_dir():
            logs_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(logs_dir, 0o700)
        target = logs_dir / f"crash-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.txt"
        descriptor = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(report)
        return target
    except OSError:
        print("Pathfinder could not write its crash report", file=sys.stderr)
        return None
