# Two commands on a fresh machine: `make run` and `make test`. Both create .venv when needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck demo screenshots benchmarks package clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the dependencies change; the package itself is editable.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

run: $(STAMP)
	$(BIN)/dpia-desk

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check src tests benchmarks packaging
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks packaging
	$(BIN)/ruff format --check src tests benchmarks packaging

typecheck: $(STAMP)
	$(BIN)/mypy

benchmarks: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

screenshots: $(STAMP)
	$(BIN)/python docs/make_screenshots.py

package: $(STAMP)
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.6'
	$(BIN)/python packaging/build.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
