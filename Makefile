# Two commands for a fresh machine: `make run` and `make test`.
# Both make .venv, install the project from pyproject.toml and, on Debian or
# Ubuntu, the system libraries Qt needs (see DEVELOPERS.md).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench format screenshots clean system-libs system-libs-window

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

screenshots: system-libs $(STAMP)
	$(PY) scripts/screenshots.py docs/screenshots
	$(PY) scripts/screenshots.py docs/screenshots --dark

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
