# Two commands set everything up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format messages demo bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# UI translations: locale/*/LC_MESSAGES/django.po -> .mo with Babel (no GNU gettext needed).
messages: $(VENV)/.installed
	$(BIN)/pybabel compile --domain django --directory locale --statistics

demo: messages
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo_campaign
	$(BIN)/python manage.py ensure_admin

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: messages
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache

# Benchmarks: podcast feed generation for a show with 500 episodes (fresh SQLite database).
bench: messages
	rm -f build/bench.sqlite3*
	mkdir -p build
	DATABASE_URL=sqlite:///$(CURDIR)/build/bench.sqlite3 $(BIN)/python -m bench.feeds
