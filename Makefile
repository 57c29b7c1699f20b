# Mektep: `make run` to try it, `make test` to check it. See README.md.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
PORT ?= 5000
# Absolute links (canonical, own domains' redirects, e-mail) name the port the server runs on.
BASE_DOMAIN ?= localhost:$(PORT)
PO_FILES := $(wildcard translations/*/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: run test lint format install translations bench clean

$(BIN)/activate: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt ".[dev]"
	touch $@

install: $(BIN)/activate

%.mo: %.po $(BIN)/activate
	$(FLASK) i18n compile

translations: install $(MO_FILES)

run: export BASE_DOMAIN := $(BASE_DOMAIN)
run: translations
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	$(FLASK) demo accounts --port $(PORT)
	@$(BIN)/python worker.py & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	$(FLASK) run --host 127.0.0.1 --port $(PORT) --no-reload

test: translations lint
	$(BIN)/pytest -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: translations
	$(BIN)/python bench/thumbnails.py

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
