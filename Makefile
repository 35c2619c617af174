# The two set-up commands of the README: `make run` and `make test`.
# Both create or refresh .venv themselves and are safe to run twice.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_PLAN ?= demo/Northwind-demo.abmplan

.PHONY: run test lint bench venv clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	@mkdir -p $(dir $(DEMO_PLAN))
	@test -f $(DEMO_PLAN) || $(BIN)/abm-planner demo $(DEMO_PLAN) --quiet
	$(BIN)/abm-planner $(DEMO_PLAN)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info

# Qt Designer forms: ui/NAME.ui is compiled to abm_planner/gui/forms/ui_NAME.py with the
# pinned pyside6-uic. The generated files are committed; tests/gui/test_forms.py compiles
# every form again and fails when a committed one is stale. Run after editing a .ui file.
.PHONY: forms
forms: $(STAMP)
	@for form in ui/*.ui; do \
		name=$$(basename "$$form" .ui); \
		$(BIN)/pyside6-uic "$$form" -o "abm_planner/gui/forms/ui_$$name.py" || exit 1; \
		echo "ui/$$name.ui -> abm_planner/gui/forms/ui_$$name.py"; \
	done

# README screenshots of the app on the demo plan, light and dark, under a virtual display
# (needs xvfb-run: apt-get install xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1).
.PHONY: screenshots
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1440x900x24" $(BIN)/python tools/screenshot.py \
		--theme light --out docs/screenshots/main-light.png
	xvfb-run -a -s "-screen 0 1440x900x24" $(BIN)/python tools/screenshot.py \
		--theme dark --tab 1 --out docs/screenshots/main-dark.png
