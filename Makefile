# The briefing book's two commands (see README.md):
#   make book   set up a fresh Debian machine (as root) and build site/, the PDFs and the offline bundle
#   make test   the same set-up plus the test tools (Python's, and npm's in tests/tools/), then every test under tests/
# Options: PAPER=a4|letter (PDF page size), PYTHON=python3.11 (interpreter for .venv).
# Editors' commands (CONTRIBUTING.md): validate, serve, serve-full, new, changes, freshness.

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
# The npm-installed test tools (axe-core, vnu-jar): tests/tools/package-lock.json.
TEST_TOOLS := tests/tools

export NO_MKDOCS_2_WARNING := 1

# Everything a build may read: any file of the repository but the outputs, the tests and
# the tools' caches (the site includes CONTRIBUTING.md, draws charts with visuals/, ...).
# Broad on purpose: a needless rebuild costs seconds, a stale book misleads its readers.
INPUTS := $(shell find . -type f -not -path './.git/*' -not -path './.venv/*' -not -path './site/*' \
	-not -path './build/*' -not -path './dist/*' -not -path './tests/*' -not -path './test-artifacts/*' \
	-not -path './.pytest_cache/*' -not -path './.hypothesis/*' -not -path '*/__pycache__/*' \
	-not -path './.site.*' -not -path './.dist.*' \
	-not -name '*.pyc' -not -name '* *')
# Everything is built into build/ first (the staging area); site/ and dist/, what readers
# get, are replaced only when all of it has built (scripts/publish.py).
STAGED_SITE := build/site
ARCHIVE := build/dist/briefing-book-offline.zip
KEPT := nothing was published; the last good book is still in site/ and dist/

.PHONY: book stage lock test site offline pdf validate serve serve-full new changes freshness system-book system-test clean

# A failure or an interrupt (Ctrl-C, SIGTERM) at any step leaves site/ and dist/ as they were.
book:
	@trap 'echo "make book: interrupted; $(KEPT)" >&2; exit 130' INT TERM; \
	$(MAKE) --no-print-directory stage || { status=$$?; echo "make book: the build failed; $(KEPT)" >&2; exit $$status; }
	$(BIN)/python scripts/publish.py --stage $(STAGED_SITE) --pdf build/pdf --archive $(ARCHIVE)

stage: site pdf offline

# --- Set-up: Debian packages (only when missing), then the pinned virtualenv. ---

system-book:
	@scripts/setup_system.sh book

system-test:
	@scripts/setup_system.sh test

$(BIN)/python: | system-book
	$(PYTHON) -m venv $(VENV)

# pip first, pinned and hashed: the pip that venv brings cannot install the hashed
# requirements once a newer release of a package asked for with extras is out.
$(VENV)/.pip: requirements-pip.txt | $(BIN)/python
	$(PIP) --require-hashes -r requirements-pip.txt
	@touch $@

$(VENV)/.requirements: requirements.txt $(VENV)/.pip
	$(PIP) --require-hashes -r requirements.txt
	@touch $@

$(VENV)/.requirements-test: requirements-test.txt $(VENV)/.requirements
	$(PIP) --require-hashes -r requirements-test.txt
	@touch $@

# --- The site: validate the data first, then a strict build into the staging area. ---

site: $(STAMPS)/site

$(STAMPS)/site: $(INPUTS) $(VENV)/.requirements
	$(BIN)/python scripts/validate.py
	@# Not --quiet: mkdocs-macros reports a template error as a warning before it aborts,
	@# and --quiet would leave only an exit status. The INFO lines are dropped instead.
	$(BIN)/mkdocs build --strict --site-dir $(STAGED_SITE) 2>&1 | { grep -v '^INFO' || true; }
	@mkdir -p $(STAMPS) && touch $@

# --- The offline edition: a second build for file:// that also records the pages for the PDF. ---

$(STAMPS)/offline: $(INPUTS) $(STAMPS)/site
	$(BIN)/python scripts/build_offline.py build --site-dir build/offline --capture build/capture.json
	@touch $@

# --- The PDFs: the whole book and a brief per event, at PAPER size (a4 or letter). ---

pdf: $(STAMPS)/pdf

# One stamp per paper size, and only the current one kept: switching PAPER rebuilds.
$(STAMPS)/paper-$(PAPER):
	@mkdir -p $(STAMPS) && rm -f $(STAMPS)/paper-* && touch $@

$(STAMPS)/pdf: $(STAMPS)/offline $(STAMPS)/paper-$(PAPER)
	rm -rf build/pdf
	$(BIN)/python scripts/build_pdf.py --capture build/capture.json --paper $(PAPER) --out build/pdf
	@touch $@

# --- The offline bundle carries the PDFs too; publishing puts both beside the site's pages. ---

offline: $(ARCHIVE)

$(ARCHIVE): $(STAMPS)/offline $(STAMPS)/pdf
	$(BIN)/python scripts/build_offline.py zip --site-dir build/offline --include build/pdf --archive $@


# --- Editors' commands (CONTRIBUTING.md). ---

validate: $(VENV)/.requirements
	$(BIN)/python scripts/validate.py

# Live preview: --dirty rebuilds the generated pages that show what a save changed (about
# 2 s at 1,000 pages; macros/rebuild.py); the hand-written pages (home, timeline, map,
# statistics...) catch up on the next full build, or use serve-full.
serve: $(VENV)/.requirements
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

serve-full: $(VENV)/.requirements
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# make new KIND=event ID=some-summit-2025 [SOURCE=afp-2019]   (KIND singular or plural)
new: $(VENV)/.requirements
	@test -n "$(KIND)" -a -n "$(ID)" || { echo "usage: make new KIND=<kind> ID=<id> [SOURCE=<source-id>]" >&2; exit 2; }
	$(BIN)/python scripts/new.py $(KIND) $(ID) $(if $(SOURCE),--source $(SOURCE))

# make changes [BASE=main]: the data changes of HEAD since BASE, as a reviewer sees them.
BASE ?= main
changes: $(VENV)/.requirements
	$(BIN)/python scripts/changes.py $(BASE) HEAD

# make freshness [STALE_AFTER=days]
freshness: $(VENV)/.requirements
	$(BIN)/python scripts/freshness.py $(if $(STALE_AFTER),--stale-after $(STALE_AFTER))

# --- Tests: every test under tests/ (they build what they need in temporary folders). ---

test: $(VENV)/.requirements-test $(TEST_TOOLS)/node_modules/.installed | system-test
	$(BIN)/python -m pytest

# The accessibility checkers (axe-core, the Nu Html Checker), pinned in package-lock.json.
# No install scripts: vnu-jar's would fetch a Java runtime; Debian's runs it instead.
$(TEST_TOOLS)/node_modules/.installed: $(TEST_TOOLS)/package.json $(TEST_TOOLS)/package-lock.json | system-test
	npm ci --prefix $(TEST_TOOLS) --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

clean:
	rm -rf site dist build .site.new .site.old .dist.new .dist.old .cache .pytest_cache

# make lock: after editing requirements.in or requirements-test.in, write the hashed
# requirements.txt and requirements-test.txt that make book and make test install.
UV := $(BIN)/uv
lock: $(BIN)/python
	$(PIP) uv==0.13.9
	$(UV) pip compile requirements-pip.in --generate-hashes --python-version 3.11.7 --quiet -o requirements-pip.txt
	$(UV) pip compile requirements.in --generate-hashes --python-version 3.11.7 --quiet -o requirements.txt
	$(UV) pip compile requirements-test.in --generate-hashes --python-version 3.11.7 --quiet -o requirements-test.txt
