# Two commands for a fresh machine: `make run` and `make test`.
# Both make .venv, install the project from pyproject.toml and, on Debian or
# Ubuntu, the system libraries Qt needs (see DEVELOPERS.md).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench screenshots clean system-libs system-libs-window

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
	$(PY) -m ruff check src tests
	$(PY) -m mypy
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check src tests
	$(PY) -m ruff format --check src tests
	$(PY) -m mypy

screenshots: system-libs $(STAMP)
	$(PY) scripts/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
