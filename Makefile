# The two commands in README.md: `make run` (demo) and `make test` (everything).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint bench screenshots install clean-venv

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,server]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/boxoffice --demo

# Two workers: the suite runs in about half the time on a 2-core machine.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest -n $${PYTEST_WORKERS:-2}

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/ruff format --check .

# Tests write their screenshots to a temporary folder; this refreshes the ones in docs/.
screenshots: $(STAMP)
	BOXOFFICE_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} \
	  $(BIN)/python -m pytest -q tests/ui/test_chinese_refusals.py tests/ui/test_door_screen.py \
	  tests/ui/test_device_settings.py tests/ui/test_cash_reports.py tests/sync/test_status_indicator.py

bench: $(STAMP)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m benchmarks

clean-venv:
	rm -rf $(VENV)
