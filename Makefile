# The README's commands. Everything works on a fresh machine as root with only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=
# Parallel test processes (pytest-xdist); one per core.
TEST_WORKERS ?= auto

.PHONY: cluster-test run test test-browser test-postgres lint fmt messages bench bench-pages bench-bodies bench-programme bench-opinions bench-schedule bench-suite check check-deploy install catalogues clean demo

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

catalogues: install
	$(MANAGE) compile_catalogues

# Install, migrate (SQLite in WAL mode by default), load the demo forum, serve on :8000.
run: catalogues
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) seed_demo
	bin/serve

demo: catalogues
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo

# The whole suite except the browser tests; DATABASE_URL selects PostgreSQL.
test: catalogues
	IGF_URL_COVERAGE=1 $(BIN)/pytest -m "not browser" -n $(TEST_WORKERS) $(PYTEST_ARGS)

test-postgres:
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/igf} $(MAKE) test

# End-to-end in Debian's Chromium with axe-core (see .ci/run for the installs it needs).
test-browser: catalogues
	$(BIN)/pytest -m browser -p no:randomly $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/mypy src tests

fmt: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

# Update every catalogue from the code, then compile. Translate the new msgids in all six.
messages: install
	bin/messages $(APPS)
	$(MANAGE) compile_catalogues

check-deploy: catalogues
	DEBUG=0 IGF_HTTPS=1 ALLOWED_HOSTS=forum.example.org $(MANAGE) check --deploy --fail-level WARNING

bench: bench-pages bench-bodies bench-programme bench-opinions bench-schedule

# Two app hosts, an RQ worker, the scheduler and nginx on PostgreSQL and Redis, under load and
# faults (docs/operations.md). CLUSTER_SHORT=1: a minute of load, for CI.
cluster-test: catalogues
	$(BIN)/python bench/cluster/run.py

bench-programme: install
	$(BIN)/python bench/programme/run.py

bench-pages: install
	$(BIN)/python bench/pages/run.py

bench-bodies: install
	$(BIN)/python bench/bodies/run.py

bench-opinions: install
	$(BIN)/python bench/opinions/run.py

# The schedule at the IGF's scale, solved and served beside pretalx (installed from PyPI).
bench-schedule: install
	$(BIN)/python bench/schedule/run.py

# The suite's own speed: total time and the slowest tests (not part of `bench` or CI).
bench-suite: catalogues
	$(BIN)/python bench/suite/run.py $(PYTEST_ARGS)

check: lint test check-deploy

clean:
	rm -rf $(VENV) var
