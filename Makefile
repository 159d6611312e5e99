# Two commands set everything up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo site's address (links in feeds, embed codes, oEmbed and share links) follows HOST and PORT.
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test test-fast lint format messages demo bench bench-writes clean browser-deps player-deps

# What installing, migrating, the servers and the task worker print goes to this file; the
# terminal shows a few lines (and the end of the file when a step fails).
LOG := build/run.log
QUIETLY = >> $(LOG) 2>&1 || { tail -n 30 $(LOG); exit 1; }
$(shell mkdir -p build)

$(BIN)/python:
	@echo "Creating $(VENV) (details in $(LOG))"
	@$(PYTHON) -m venv $(VENV) $(QUIETLY)
	@$(BIN)/python -m pip install --quiet --upgrade pip $(QUIETLY)

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "Installing the project and its dependencies"
	@$(BIN)/python -m pip install --quiet -e ".[dev]" $(QUIETLY)
	@touch $@

# UI translations: locale/*/LC_MESSAGES/django.po -> .mo with Babel (no GNU gettext needed).
messages: $(VENV)/.installed
	@echo "Compiling the UI translations (how much of each is translated: $(LOG))"
	@$(BIN)/pybabel compile --domain django --directory locale --statistics $(QUIETLY)

demo: messages player-deps
	@echo "Migrating the database"
	@$(BIN)/python manage.py migrate --no-input $(QUIETLY)
	@$(BIN)/python manage.py load_demo_campaign
	@echo "Indexing and packaging in the task worker..."
	@$(BIN)/python manage.py db_worker --batch --no-startup-delay $(QUIETLY)
	@$(BIN)/python manage.py ensure_admin

# The site and its task workers (training packages, Wagtail's reference index; and the video
# renditions, on their own queue, made while the site already serves); Ctrl-C stops them all.
# The last lines printed are the site's address, the admin's and the credentials.
run: demo
	@trap 'kill 0' EXIT; \
	$(BIN)/python manage.py db_worker --no-startup-delay >> $(LOG) 2>&1 & \
	$(BIN)/python manage.py db_worker --backend media --queue-name media --no-startup-delay >> $(LOG) 2>&1 & \
	$(BIN)/python manage.py runserver $(HOST):$(PORT) >> $(LOG) 2>&1 & \
	until $(BIN)/python -c "import socket, sys; sys.exit(socket.socket().connect_ex(('$(HOST)', $(PORT))))"; do \
		sleep 0.5; \
	done; \
	echo; echo "Site:  $(WAGTAILADMIN_BASE_URL)/"; echo "Admin: $(WAGTAILADMIN_BASE_URL)/admin/"; \
	$(BIN)/python manage.py ensure_admin; echo "(logs: $(LOG); Ctrl-C stops the site)"; \
	wait

# In parallel (pytest-xdist), one worker per core; the tests that start real servers run on
# one worker together (tests/conftest.py), beside the others.
TEST_WORKERS ?= auto
test: messages browser-deps player-deps
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# Everything but the browser, real-server and slowest tests: the loop while writing code.
test-fast: messages
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not server and not slow" $(PYTEST_ARGS)

# The player's hls.js (npm), served from the site's own origin and loaded only when play is
# pressed. Without npm the player still adapts, choosing among the MP4 renditions itself.
HLS_JS := campaign_site/media/static/media/hls.light.min.js
player-deps: $(HLS_JS)

$(HLS_JS): package.json
	@if command -v npm >/dev/null 2>&1; then \
		npm install --no-audit --no-fund --no-package-lock --silent && \
		mkdir -p $(dir $@) && cp node_modules/hls.js/dist/hls.light.min.js $@; \
	else echo "npm not found: the player will use the MP4 renditions without hls.js"; fi

# The browser tests' independent SCORM runtime (scorm-again, from npm). Without npm (or without
# Chromium) the browser tests are skipped locally; CI installs both and requires them.
browser-deps: tests/browser/node_modules/.installed

tests/browser/node_modules/.installed: tests/browser/package.json
	@if command -v npm >/dev/null 2>&1; then \
		cd tests/browser && npm install --no-audit --no-fund --no-package-lock --silent && touch node_modules/.installed; \
	else echo "npm not found: the browser tests will be skipped"; fi

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache

# Benchmarks (docs/performance.md): public pages through gunicorn with production settings,
# warm and with every cache off (BENCH_CACHE=on or off: only that one), beside a static file of the same
# size (needs wrk: apt-get install wrk); the player's beacon endpoint (Redis counters); then podcast
# feed generation for a show with 500 episodes, the translation coverage report at 1,000 stories
# in ten languages, load with writes, the task worker's peak memory packaging a module with a
# 500 MB video, and the renditions of a 500 MB 1080p master (time, memory; bytes before the first
# frame at 400 kbit/s); and the production stack (Varnish in front of two app hosts on PostgreSQL,
# Redis and a bucket) beside nginx serving a static file, its hit ratio with publishes and its
# purge times.
bench: messages
	@for tool in wrk nginx varnishd; do command -v $$tool >/dev/null || { \
		echo "make bench needs wrk, nginx and varnish: apt-get install wrk nginx varnish"; exit 1; }; done
	mkdir -p build
	$(BIN)/python -m bench.pages
	$(BIN)/python -m bench.beacons
	rm -f build/bench-feeds.sqlite3*
	DATABASE_URL=sqlite:///$(CURDIR)/build/bench-feeds.sqlite3 $(BIN)/python -m bench.feeds
	rm -f build/bench-coverage.sqlite3*
	DATABASE_URL=sqlite:///$(CURDIR)/build/bench-coverage.sqlite3 $(BIN)/python -m bench.coverage
	$(BIN)/python -m bench.writes
	$(BIN)/python -m bench.packaging
	$(BIN)/python -m bench.renditions
	$(BIN)/python -m bench.stack

# Load with writes on the campaign `make bench` generated: 60 s of wrk while another process
# publishes, and how long each purged URL took to show the change.
bench-writes: messages
	$(BIN)/python -m bench.writes
