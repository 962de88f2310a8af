# Two commands do all set-up: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat setup.cfg pyproject.toml | cksum | cut -d' ' -f1)
EXAMPLE := examples/kurdistan24-us-strikes-syria.txt

.PHONY: demo test install browser clean docs

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

## demo: extract the example article into demo-out/ and print a summary
demo: $(STAMP)
	$(BIN)/python -m graph extract $(EXAMPLE) --published 2021-02-26 --validate -o demo-out

## browser: headless Chromium for the browser tests (Debian package; needs root or sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is not installed: browser tests will be skipped (apt-get install chromium)"; fi; }

## test: the whole suite (unit, doctests, model, browser)
test: $(STAMP) browser
	$(BIN)/python -m pytest -q

## docs: regenerate the ontology documentation and the closed namespace module
docs: $(STAMP)
	$(BIN)/python -m graph.vocab.ontology_docs

clean:
	rm -rf $(VENV) demo-out test-artifacts build *.egg-info
