# Amity: `make run` to serve it, `make test` to test it. Nothing else needs installing by hand.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
ASSETS := src/amity/static/vendor/.copied

.PHONY: run test suite install assets e2e browser nginx lint messages bench soak clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP) $(ASSETS)

$(ASSETS): package.json package-lock.json scripts/vendor_assets.py
	npm ci --no-audit --no-fund --loglevel=error
	$(PYTHON) scripts/vendor_assets.py
	touch $(ASSETS)

assets: $(ASSETS)

run: install
	$(BIN)/amity migrate --noinput
	$(BIN)/amity demo --if-empty
	@echo ""
	@echo "Amity: http://127.0.0.1:$(PORT)/"
	@echo "Demo log-ins (password amity-demo): admin, central, viewer, hanoi, danang"
	@echo ""
	$(BIN)/amity serve --port $(PORT)

# --dist loadgroup: the tests that read the shared demo data set run on one worker, a day's set
# loaded once (tests/conftest.py, shared_demo); every other test is spread as with `load`.
test: install nginx
	$(BIN)/ruff check src tests e2e bench scripts
	$(BIN)/ruff format --check src tests e2e bench scripts
	$(BIN)/mypy  # core and every services.py: [tool.mypy] in pyproject.toml
	$(MAKE) --no-print-directory suite

# The suite alone, without the checks of the code: CI's PostgreSQL pass (the code is the same).
suite: install nginx
	$(BIN)/pytest -q -n $${TEST_WORKERS:-auto} --dist loadgroup -m "not browser"

# The browser tests need Debian's Chromium; they install it when it is missing (root on CI).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# The cluster test (tests/load/test_cluster.py) puts Debian's nginx in front of two servers: it is
# installed when missing (root on CI); elsewhere the test says it is skipped, and why.
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null) || \
		echo "nginx could not be installed: the cluster test will be skipped"

e2e: install browser
	$(BIN)/pytest -q -m browser e2e

lint: install
	$(BIN)/ruff check src tests e2e bench scripts
	$(BIN)/ruff format --check src tests e2e bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# The benchmarks, on a database of their own (var/bench, or DATABASE_URL): see bench/run.py.
bench: install
	$(BIN)/python bench/run.py --suite all --scale $${SCALE:-1}
	$(BIN)/python bench/run.py --suite pages --scale $${SCALE:-1}

# Load tests at length (60 s): 10 writers on the embedded SQLite, then 50 users on PostgreSQL
# (SOAK_DATABASE_URL; its test database is made and dropped by the run). `make test` runs 8 s.
SOAK_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/amity_soak
# Then 50 users on two servers behind nginx, one stopped half way, and the throughput of one
# server against two (tests/load/test_cluster.py).
soak: install nginx
	AMITY_SOAK=1 $(BIN)/pytest -q -s -m load tests/load/test_load.py
	AMITY_SOAK=1 DATABASE_URL=$(SOAK_DATABASE_URL) $(BIN)/pytest -q -s -m load \
		tests/load/test_load.py tests/load/test_cluster.py

messages: install
	cd src/amity && ../../$(BIN)/amity makemessages -l vi -l en --no-obsolete --ignore=static/vendor/*
	$(BIN)/python scripts/compile_messages.py

clean:
	rm -rf $(VENV) node_modules src/amity/static/vendor
