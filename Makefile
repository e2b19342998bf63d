# Two commands for a fresh machine with only Python and pip: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test clean

$(BIN)/dealwatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dask]'
	touch $@

demo: $(BIN)/dealwatch
	$(BIN)/dealwatch demo

test: $(BIN)/dealwatch
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) dealwatch.duckdb dealwatch.duckdb.wal dealwatch.duckdb.lock outbox
