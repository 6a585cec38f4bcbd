# Two commands do all the set-up on a fresh machine:
#   make serve   generate the dossier from seeds/ and serve it at http://127.0.0.1:8000
#   make test    install what the tests need (Debian's chromium included) and run them
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site docs check test test-deps browser-deps bench clean help

help:
	@echo "make serve   generate the dossier from seeds/ and serve it at http://127.0.0.1:8000"
	@echo "make site    generate the dossier and build the static site into site/ (mkdocs build --strict)"
	@echo "make docs    regenerate docs/ from seeds/ (dossier build)"
	@echo "make check   fail if the committed docs/ is not what a build writes"
	@echo "make test    install test dependencies (chromium included) and run the tests"
	@echo "make bench   build, site and search figures at 1,000-10,000 articles (needs ../shared/corpora)"

# The virtual environment is rebuilt when pyproject.toml changes.
$(BIN)/dossier: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

serve: $(BIN)/dossier
	$(BIN)/dossier build --quiet
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

site: $(BIN)/dossier
	$(BIN)/dossier build --quiet
	$(BIN)/mkdocs build --strict

docs: $(BIN)/dossier
	$(BIN)/dossier build

check: $(BIN)/dossier
	$(BIN)/dossier build --check --quiet

# Browser tests drive Debian's chromium (never a browser downloaded by a tool);
# the analyser's JavaScript twin is tested with Node.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }
	@command -v node >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q nodejs; }
	@command -v pdftotext >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q poppler-utils; }

test-deps: $(BIN)/dossier browser-deps

test: test-deps
	$(BIN)/python -m pytest -q

# Benchmarks need ../shared/corpora; they print figures, they do not pass or fail.
# One table: builds cold, warm and after one edit, site against bare MkDocs, memory, sizes,
# search against Pagefind, at 1,000, 5,000 and 10,000 articles (BENCH_ARGS="--sizes 1000" for less).
bench: $(BIN)/dossier browser-deps
	$(BIN)/pip install --quiet -e '.[test,bench]'
	nice $(BIN)/python benchmarks/scale.py --search $(BENCH_ARGS)

clean:
	rm -rf site test-output .pytest_cache
