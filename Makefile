# The briefing book's two commands (see README.md):
#   make book   set up a fresh Debian machine (as root) and build site/, the PDFs and the offline bundle
#   make test   the same set-up plus the test tools, then every test under tests/
# Options: PAPER=a4|letter (PDF page size), PYTHON=python3.11 (interpreter for .venv).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := book
.DELETE_ON_ERROR:

PYTHON ?= python3.11
PAPER ?= a4
VENV := .venv
BIN := $(VENV)/bin
STAMPS := build/stamps
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

# Everything a site build reads: a change to any of these rebuilds the site.
SITE_INPUTS := mkdocs.yml $(shell find data docs macros hooks briefing overrides scripts/validate.py \
	-type f -not -name '*.pyc' -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: book test site system-book system-test clean

book: site

# --- Set-up: Debian packages (only when missing), then the pinned virtualenv. ---

system-book:
	@scripts/setup_system.sh book

system-test:
	@scripts/setup_system.sh test

$(BIN)/python: | system-book
	$(PYTHON) -m venv $(VENV)

$(VENV)/.requirements: requirements.txt | $(BIN)/python
	$(PIP) -r requirements.txt
	@touch $@

$(VENV)/.requirements-test: requirements-test.txt $(VENV)/.requirements
	$(PIP) -r requirements-test.txt
	@touch $@

# --- The site: validate the data first, then a strict build into site/. ---

site: $(STAMPS)/site

$(STAMPS)/site: $(SITE_INPUTS) $(VENV)/.requirements
	$(BIN)/python scripts/validate.py
	$(BIN)/mkdocs build --strict --quiet --site-dir site
	@mkdir -p $(STAMPS) && touch $@

# --- Tests: every test under tests/ (they build what they need in temporary folders). ---

test: $(VENV)/.requirements-test | system-test
	$(BIN)/python -m pytest

clean:
	rm -rf site dist build .pytest_cache
