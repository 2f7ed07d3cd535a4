# The two commands of the README. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR := demo-data
STAMP := $(VENV)/.installed

.PHONY: run test demo bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(DEMO_DIR)/demo.aimdesk: | $(STAMP)
	$(BIN)/aimdesk demo $(DEMO_DIR)
	$(BIN)/aimdesk --workspace $(DEMO_DIR)/demo.aimdesk match

run: $(STAMP) $(DEMO_DIR)/demo.aimdesk
	$(BIN)/aimdesk --workspace $(DEMO_DIR)/demo.aimdesk

test: $(STAMP)
	$(BIN)/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

demo: $(DEMO_DIR)/demo.aimdesk

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_import.py

clean:
	rm -rf $(VENV) $(DEMO_DIR)
