# make run   — create .venv, install, build issues/sample into output/sample/
# make test  — everything `make run` does, plus system tools the tests use, then the suite
# make bench — our build against Typst's of the same page, every cache state, 1/16/24 pages
# make golden — store the build of the sample and weekly4 as data (tests/speed/test_same_pages.py)
# make bench-import — time `layout import` on a million characters of every shape
# make fuzz-import — 3,000 generated copies of every shape through `layout import`
# make kill-test — kill -9 the build at 20 random moments: one whole edition is left each time
# make fuzz  — 1,000 generated and damaged issues through `layout build` (the suite runs 150)

PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
APT_PKGS := default-jre-headless ghostscript libreoffice-writer-nogui python3-uno fonts-noto-cjk poppler-utils chromium
# DAISY Ace (EPUB accessibility checker), from npm, driven by Debian's Chromium:
# no browser or Electron download.
ACE_VERSION := 1.4.6
ACE     := $(VENV)/ace/node_modules/.bin/ace-puppeteer

.PHONY: run test bench bench-import fuzz-import system-deps ace clean kill-test fuzz golden

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/layout build issues/sample -o output/sample

# Java (EPUBCheck), Ghostscript, LibreOffice with Debian's python3-uno (the DOCX import
# tests edit documents in LibreOffice through UNO), Noto CJK, Chromium (the EPUB read in a
# browser) and npm (for Ace), installed when missing.
system-deps:
	@missing=""; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v gs >/dev/null || missing="$$missing ghostscript"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	/usr/bin/python3 -c 'import uno' 2>/dev/null || missing="$$missing python3-uno"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	[ -e /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(ACE): | system-deps
	mkdir -p $(VENV)/ace
	ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
	  npm install --prefix $(VENV)/ace --no-audit --no-fund --loglevel=error @daisy/ace@$(ACE_VERSION)

ace: $(ACE)

# The suite runs in one worker process per core (pytest-xdist; whole files to a worker, so a
# module's fixtures are made once): on two cores it takes about half the time of one
# process. `make test TEST_WORKERS=0` runs it in this process (a debugger, -s);
# `make test PYTEST_ARGS=--durations=15` passes options on to pytest.
TEST_WORKERS ?= auto
PYTEST_ARGS ?=

test: $(STAMP) system-deps $(ACE)
	$(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m layout.bench issues/sample

# Only when a change MEANS to move glyphs: the stored build the speed test compares with
golden: $(STAMP)
	$(BIN)/python -m tests.speed.golden

# `layout import` on a million characters of copy of every shape (issue 17: linear in its input)
bench-import: $(STAMP)
	$(BIN)/python -m layout.intake.bench

# generated copy of every shape through `layout import`: nothing lost, no number or address changed
fuzz-import: $(STAMP)
	INTAKE_EXAMPLES=3000 $(BIN)/python -m pytest -q -p no:cacheprovider tests/intake/test_intake_generated.py

clean:
	rm -rf $(VENV) output/sample

# The kill -9 test of issue 17 at full length (the suite runs 3 tries)
kill-test: $(STAMP)
	LAYOUT_KILL_TRIES=20 $(BIN)/python -m pytest -q -p no:cacheprovider -s tests/test_staging.py -k kill_9

# 1,000 new generated and damaged issues through `layout build` (tests/test_fuzz.py); outcomes printed
fuzz: $(STAMP)
	LAYOUT_FUZZ_EXAMPLES=1000 LAYOUT_FUZZ_RANDOM=1 $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py
