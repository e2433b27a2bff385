"""The plain-Python core never reaches Qt or the views."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "pathfinder"
CORE = ["store", "services"]
FORBIDDEN = ("PySide6", "shiboken6", "pathfinder.views", "pathfinder.app", "pathfinder.instance")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("package", CORE)
def test_core_packages_do_not_import_qt_or_views(package: str) -> None:
    offenders = []
    files = sorted((SOURCE / package).rglob("*.py"))
    assert files, f"no modules found in {package}"
    for path in files:
        for name in imported_modules(path):
            if name.startswith(FORBIDDEN):
                offenders.append(f"{path.relative_to(SOURCE)} imports {name}")
    assert offenders == []


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, pathfinder.store, pathfinder.services\n"
        "for pkg in (pathfinder.store, pathfinder.services):\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
