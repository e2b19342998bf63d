# Two commands for a fresh machine with only Python and pip: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test train clean

$(BIN)/dealwatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dask]'
	touch $@

demo: $(BIN)/dealwatch
	$(BIN)/dealwatch demo

test: $(BIN)/dealwatch
	$(BIN)/python -m pytest

# Retrain the detector's models (German names, verifier, pair classifier) from the committed corpus
# (fixed solver, no randomness: the same corpus gives the same bytes) and print their held-out figures.
train: $(BIN)/dealwatch
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python benchmarks/train.py

clean:
	rm -rf $(VENV) dealwatch.duckdb dealwatch.duckdb.wal dealwatch.duckdb.lock outbox
