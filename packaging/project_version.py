"""Print Pathfinder's version, found the way pyproject.toml says to find it.

The version lives in one place: pyproject.toml names the file that holds it
([tool.hatch.version] path, src/pathfinder/__init__.py). The PyInstaller spec, the
Makefile, the Inno Setup define and the release workflow all ask this script, so the
bundle, the file names and the installers can't disagree with the package.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_version(root: Path = ROOT) -> str:
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    if "version" in project:
        return str(project["version"])
    source = (root / pyproject["tool"]["hatch"]["version"]["path"]).read_text(encoding="utf-8")
    found = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", source, re.MULTILINE)
    if found is None:
        raise SystemExit("pyproject.toml's version file has no __version__")
    return found.group(1)


if __name__ == "__main__":
    print(project_version())
    sys.exit(0)
