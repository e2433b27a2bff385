# Two commands for a fresh machine: `make run` and `make test`.
# Both make .venv, install the project from pyproject.toml and, on Debian or
# Ubuntu, the system libraries Qt needs (see DEVELOPERS.md).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench format screenshots clean system-libs system-libs-window
.PHONY: icons package package-test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Pathfinder needs Python 3.11 or newer")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-libs:
	@scripts/ensure-system-libs.sh offscreen

system-libs-window:
	@scripts/ensure-system-libs.sh window

run: system-libs-window $(STAMP)
	$(PY) -m pathfinder

test: system-libs $(STAMP)
	$(PY) -m ruff check --no-cache src tests scripts bench
	$(PY) -m ruff format --no-cache --check --quiet src tests scripts bench
	$(PY) -m mypy
	$(PY) -m pytest

format: $(STAMP)
	$(PY) -m ruff format src tests scripts bench
	$(PY) -m ruff check --fix src tests scripts bench

# Not part of `make test`: builds the large notebook once (bench/.cache), then times
# People opening and filtering, search, and the Journal opening; prints a table and
# writes bench/results.json.
bench: system-libs $(STAMP)
	$(PY) bench/run.py

screenshots: $(STAMP)
	@scripts/ensure-system-libs.sh xvfb
	PYTHON=$(PY) scripts/screenshots.sh

# Installers (DEVELOPERS.md, "Packaging"). Not part of `make test`.
PACKAGE_STAMP := $(VENV)/.package-stamp
VERSION = $(shell $(PY) packaging/project_version.py)

$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,package]'
	@touch $(PACKAGE_STAMP)

# The app icon's copies (src/pathfinder/resources/icons/app.svg, packaging/icons/) from
# its master, resources/pathfinder.svg.
icons: system-libs $(PACKAGE_STAMP)
	$(PY) scripts/render_icons.py

# dist/pathfinder/ (PyInstaller, one folder), then dist/pathfinder-VERSION-linux-x86_64.tar.gz
# and dist/pathfinder-journal_VERSION_amd64.deb.
package: system-libs-window $(PACKAGE_STAMP)
	rm -rf dist/pathfinder build/pyinstaller
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/pyinstaller/pathfinder.spec
	packaging/linux/make_packages.sh $(VERSION)

# Everything `package` makes, then checked: the folder (--smoke on a new and on the demo
# notebook, the command line), the tarball unpacked into an empty folder with an empty
# environment, and the .deb's fields and files. Installing the .deb is left to CI
# (packaging/linux/check_packages.sh VERSION --install).
package-test: package
	packaging/check_bundle.sh dist/pathfinder/pathfinder $(VERSION)
	packaging/linux/check_packages.sh $(VERSION)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
