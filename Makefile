# One task runner. `make run` and `make test` need only Python 3.11+ and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run story test lint typecheck layers unit docs bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: the main job: the web app over an embedded SQLite database, on http://127.0.0.1:8000
## (HOST and PORT from the environment: PORT=8001 make run; the record loads on first start
## from ../shared/data when it exists, else by fetching)
SHARED_DATA := $(wildcard ../shared/data)
HOST ?= 127.0.0.1
PORT ?= 8000
run: $(STAMP)
	UNSC_DATA_DIR="$${UNSC_DATA_DIR:-$(SHARED_DATA)}" $(BIN)/unsc serve --host "$(HOST)" --port "$(PORT)" --workers 2

## story: the founding story of 24 October 2017, through the command line
story: $(STAMP)
	$(BIN)/unsc council 2017-10-24
	@echo
	$(BIN)/unsc vote examples/2017-10-24-postponement-motion.json
	@echo
	$(BIN)/unsc vote examples/2017-10-24-jim-renewal.json

## test: lint, type-check, the layer contracts and the whole test suite
test: lint typecheck layers unit

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench

typecheck: $(STAMP)
	$(BIN)/mypy

## layers: the import contracts of pyproject.toml ([tool.importlinter])
layers: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP)
	$(BIN)/pytest --cov --cov-report=term

## docs: regenerate docs/cli.md from --help and the snapshots
docs: $(STAMP)
	$(BIN)/python scripts/gen_cli_docs.py
	$(BIN)/python scripts/gen_snapshots.py

## bench: the benchmarks (needs the bench extra, wrk and ../shared/data)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/load_bench.py
	$(BIN)/python bench/power_bench.py
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/web_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage
