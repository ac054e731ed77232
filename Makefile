# Pintu Warga — the two commands a newcomer needs are `make run` and `make test`.
# Each prepares what it needs (virtualenv, Python and npm packages, PWA build, database,
# regions, demo data) and is quick the second time.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MANAGE := cd backend && ../$(PY) manage.py
PWA_SOURCES := $(shell find pwa/src pwa/public -type f 2>/dev/null) pwa/index.html \
	pwa/vite.config.ts pwa/package.json pwa/tsconfig.json pwa/tsconfig.sw.json pwa/scripts/compress.mjs

.PHONY: run test budgets setup pwa lint format backend-test pwa-test e2e-deps clean

run: setup pwa var/secret_key
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_regions
	$(MANAGE) load_holidays
	$(MANAGE) seed_demo
	$(MANAGE) seed_civil_demo
	$(MANAGE) seed_health_demo
	$(MANAGE) seed_market_demo
	$(MANAGE) collectstatic --noinput -v0
	@echo "Pintu Warga: http://127.0.0.1:$(PORT)  (demo accounts in README.md)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup pwa e2e-deps
	cd pwa && npm test --silent
	$(VENV)/bin/pytest

# Front-end budgets: first-load bytes and Lighthouse scores (docs/performance.md).
budgets: setup pwa e2e-deps
	$(PY) benchmarks/budgets.py $(BUDGET_ARGS)

lint: setup pwa/node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	SECRET_KEY=lint-only $(VENV)/bin/mypy backend tests
	cd pwa && npm run --silent typecheck

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

pwa/node_modules/.installed: pwa/package-lock.json
	cd pwa && npm ci --no-audit --no-fund --loglevel=error
	touch $@

pwa: backend/pwa_build/index.html

backend/pwa_build/index.html: pwa/node_modules/.installed $(PWA_SOURCES)
	cd pwa && npm run --silent build

e2e-deps:
	@scripts/ensure-chromium.sh

var/secret_key:
	@mkdir -p var
	@$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

clean:
	rm -rf $(VENV) pwa/node_modules backend/pwa_build var
