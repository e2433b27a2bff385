"""The app icon and the installers' files: one drawing, one id, one version.

The PyInstaller build itself is not run here (it takes a minute or more); `make
package-test` builds and checks it. These tests keep the files that go into it honest:
the icon copies match their master, the Linux desktop files pass their validators, and
every place that names the version or the application id agrees with the package.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage

import pathfinder

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "resources" / "pathfinder.svg"
ICONS = ROOT / "packaging" / "icons"
APP_ID = "io.github.pathfinder_journal.Pathfinder"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _render(size: int) -> QImage:
    return _icon_script().draw(MASTER.read_bytes(), size)


def _icon_script() -> ModuleType:
    """scripts/render_icons.py, which draws the packaged icons (not a package: loaded by path)."""
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "scripts" / "render_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _without_qt_settings(environ: Mapping[str, str]) -> dict[str, str]:
    return {key: value for key, value in environ.items() if not key.startswith("QT_")}


def _mean_difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per channel (0 to 255) of two images of one size."""
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    assert (a.width(), a.height()) == (b.width(), b.height())
    bytes_a, bytes_b = bytes(a.constBits()), bytes(b.constBits())
    return sum(abs(x - y) for x, y in zip(bytes_a, bytes_b, strict=True)) / len(bytes_a)


def test_the_packaged_app_icon_is_a_copy_of_the_master() -> None:
    # One drawing: edit resources/pathfinder.svg and run `make icons`.
    app_svg = ROOT / "src" / "pathfinder" / "resources" / "icons" / "app.svg"
    assert app_svg.read_bytes() == MASTER.read_bytes()


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_rendered_png_is_the_master_at_its_size(qapp, size: int) -> None:
    image = QImage(str(ICONS / f"pathfinder-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    # Not stale: drawn again from the master, it looks the same (a small tolerance for
    # antialiasing differences between Qt versions).
    assert _mean_difference(image, _render(size)) < 2.0
    # Transparent corners, an opaque middle.
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_the_ico_holds_every_windows_size() -> None:
    data = (ICONS / "pathfinder.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height = struct.unpack_from("<BB", data, 6 + 16 * index)
        sizes.add((width or 256, height or 256))
    assert sizes == {(size, size) for size in (16, 24, 32, 48, 64, 128, 256)}


def test_the_icns_holds_every_macos_size() -> None:
    data = (ICONS / "pathfinder.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, length = struct.unpack_from(">4sI", data, offset)
        kinds.add(kind)
        offset += length
    # 16@2x, 32@2x, 128, 256, 512 and their @2x (up to 1024 pixels).
    assert {b"ic11", b"ic12", b"ic07", b"ic08", b"ic09", b"ic13", b"ic14", b"ic10"} <= kinds


def test_the_application_and_the_about_box_show_the_app_icon(tmp_path: Path) -> None:
    # In a fresh process: the test session's QApplication is not made by application().
    script = (
        "from pathfinder.app import application\n"
        "app = application()\n"
        "sizes = app.windowIcon().availableSizes()\n"
        "print(sorted(size.width() for size in sizes))\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "from pathfinder.views.dialogs import about\n"
        "shown = []\n"
        "QMessageBox.exec = lambda box: shown.append(box.iconPixmap().width()) or 0\n"
        "about.show_about(None, __import__('pathlib').Path('.'))\n"
        "print(shown)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**_without_qt_settings(os.environ), "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    window_sizes, about_sizes = result.stdout.split("\n")[:2]
    assert window_sizes == "[16, 32, 48, 64, 128, 256]"
    assert about_sizes == "[64]"


def _desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def test_the_desktop_file_starts_the_installed_command() -> None:
    entry = _desktop_entry()
    # The command the .deb puts in /usr/bin and pyproject's script, without file codes:
    # a word after the name would be read as a subcommand.
    assert entry["Exec"] == "pathfinder"
    assert 'pathfinder = "pathfinder.__main__:main"' in (ROOT / "pyproject.toml").read_text()
    assert entry["Icon"] == APP_ID
    assert entry["Categories"].split(";")[0] == "Office"
    assert entry["Keywords"].endswith(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # no warnings or hints either


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_the_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_newest_release_in_the_metainfo_is_the_package_version() -> None:
    component = ET.parse(METAINFO).getroot()
    releases = component.findall("releases/release")
    assert releases[0].get("version") == pathfinder.__version__
    dates = [release.get("date") for release in releases]
    assert dates == sorted(dates, reverse=True)  # newest first, as AppStream wants


def test_one_application_id_everywhere() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    for path in (
        "packaging/pyinstaller/pathfinder.spec",
        "packaging/linux/make_packages.sh",
        "packaging/linux/check_packages.sh",
        "packaging/windows/pathfinder.iss",
    ):
        assert APP_ID in (ROOT / path).read_text(encoding="utf-8"), path


def test_the_build_scripts_read_the_package_version() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "project_version.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == pathfinder.__version__


def test_every_packaging_file_named_by_the_makefile_and_the_workflow_exists() -> None:
    named = set()
    for source in ("Makefile", ".github/workflows/release.yml"):
        text = (ROOT / source).read_text(encoding="utf-8").replace("\\", "/")
        named |= set(re.findall(r"(?<![\w/.])(?:packaging|scripts|resources)/[\w./-]+\.\w+", text))
    assert {"packaging/pyinstaller/pathfinder.spec", "packaging/windows/pathfinder.iss"} <= named
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == []


def test_the_macos_bundle_allows_dark_mode_and_retina_and_carries_the_version() -> None:
    spec = (ROOT / "packaging" / "pyinstaller" / "pathfinder.spec").read_text(encoding="utf-8")
    assert '"NSRequiresAquaSystemAppearance": False' in spec
    assert '"NSHighResolutionCapable": True' in spec
    assert '"CFBundleShortVersionString": VERSION' in spec
    assert '"CFBundleVersion": VERSION' in spec
    assert "VERSION = project_version(ROOT)" in spec


def test_the_windows_installer_is_per_user_and_takes_its_version_from_the_build() -> None:
    script = (ROOT / "packaging" / "windows" / "pathfinder.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script
    assert r"DefaultDirName={localappdata}\Programs\Pathfinder" in script
    assert "AppVersion={#AppVersion}" in script
    assert not re.search(r"^AppVersion=\d", script, re.MULTILINE)  # never written in by hand
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "/DAppVersion=${{ steps.version.outputs.version }}" in workflow
