# Punchcard: `make help` lists the targets.
UV_VERSION := 0.13.9
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run test lint format sdks bench bench-passes bench-campaigns bench-crm bench-automations bench-dashboard

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

ZAPIER := integrations/zapier
SDK_TS := sdks/typescript
CHROMIUM := /usr/bin/chromium

install: $(UV) $(ZAPIER)/node_modules/.package-lock.json $(SDK_TS)/node_modules/.package-lock.json $(CHROMIUM) ## Install Python (uv), the SDKs' tools, Zapier app (npm) and Chromium (browser tests)
	$(UV) sync --frozen --compile-bytecode
	$(UV) sync --frozen --project sdks/python

# The browser tests drive Debian's Chromium through Playwright (never `playwright install`: it
# downloads its own browser builds). Installing a system package needs root.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else echo "Chromium is missing: run 'sudo apt-get install chromium' (browser tests are skipped without it)"; fi

# npm ci only when the lock file changed (npm writes node_modules/.package-lock.json); without
# Node.js the Zapier/Make tests are skipped, so this step is too.
$(ZAPIER)/node_modules/.package-lock.json: $(ZAPIER)/package-lock.json
	@if command -v npm >/dev/null; then cd $(ZAPIER) && npm ci --no-audit --no-fund; \
	else echo "npm not found: skipping $(ZAPIER) (its tests are skipped without Node.js)"; fi

$(SDK_TS)/node_modules/.package-lock.json: $(SDK_TS)/package-lock.json
	@if command -v npm >/dev/null; then cd $(SDK_TS) && npm ci --no-audit --no-fund; \
	else echo "npm not found: skipping $(SDK_TS) (its tests are skipped without Node.js)"; fi

run: install ## Serve the API on SQLite with a demo café (prints the owner API key)
	$(UV) run punchcard demo --port $(PORT)

test: install ## Run the whole test suite (also on PostgreSQL when PUNCHCARD_TEST_DATABASE_URL is set)
	$(UV) run pytest

lint: install ## ruff (lint + format check), mypy and hadolint (Dockerfile)
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy
	$(UV) run hadolint Dockerfile
	$(UV) --directory sdks/python run --frozen ruff check .
	$(UV) --directory sdks/python run --frozen ruff format --check .
	$(UV) --directory sdks/python run --frozen mypy
	@if command -v npm >/dev/null; then cd $(SDK_TS) && npm run --silent check; fi

sdks: install ## Regenerate the Python and TypeScript SDKs from the app's OpenAPI document
	$(UV) run python sdks/generate.py

format: install ## Apply ruff fixes and formatting
	$(UV) run ruff check --fix .
	$(UV) run ruff format .

bench: install ## Load benchmark on PostgreSQL (see benchmarks/README.md)
	$(UV) run python benchmarks/load_stamp_redeem.py

bench-passes: install ## Apple passes built and signed per second, beside passkit-generator (npm)
	cd benchmarks/passkit_generator && npm ci --no-audit --no-fund
	$(UV) run python benchmarks/pass_generation.py

bench-campaigns: install ## Campaigns to 100,000 by email and Telegram beside plain loops; audience counts over 1M cards
	$(UV) run python benchmarks/campaigns.py

bench-crm: install ## Bulk upsert, CSV import and export on PostgreSQL, beside raw INSERT/COPY
	$(UV) run python benchmarks/crm_sync.py

bench-automations: install ## Automation scans (birthday, inactivity, idle) over 1M cards beside hand-written SQL
	$(UV) run python benchmarks/automations.py

bench-dashboard: install ## Dashboard pages' p50/p95 with 100,000 customers and 1M stamps on PostgreSQL
	$(UV) run python benchmarks/dashboard.py
