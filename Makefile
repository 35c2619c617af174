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

# The full fault-injection tier (tests/reliability/ runs a fast tier inside `make test`):
# 500 SIGKILLs of writing processes, 1,000 fuzzed spreadsheets, full disks (a tmpfs when
# run as root), read-only and moved plans, locks. Ends with a table; fails on any
# corrupted plan, lost edit, partial import or traceback. About 9 CPU-minutes: some
# 10 minutes on an idle 2-core machine (33 minutes measured on a busy one).
.PHONY: reliability
reliability: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/reliability.py

# Exported workbooks through a real LibreOffice (apt-get install libreoffice-calc-nogui):
# converted headless to .xlsx, .ods and CSV, every cell, table, drop-down, highlight and
# picture compared with the original. About 15 s. Fails (instead of skipping) without soffice.
.PHONY: interop
interop: $(STAMP)
	ABM_INTEROP=1 $(BIN)/python -m pytest -q tests/unit/excel/test_libreoffice_interop.py \
		tests/unit/excel/test_workbook_is_valid.py

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
	xvfb-run -a -s "-screen 0 1280x720x24" $(BIN)/python tools/screenshot.py \
		--theme dark --presenter dmu --out docs/screenshots/presenter-1280x720.png
	xvfb-run -a -s "-screen 0 1280x720x24" $(BIN)/python tools/screenshot.py \
		--theme dark --presenter reveal --out docs/screenshots/presenter-reveal-1280x720.png
	for step in criteria_tier needs_objectives plays_timeline actions estimates; do \
		xvfb-run -a -s "-screen 0 1280x720x24" $(BIN)/python tools/screenshot.py --theme dark \
			--presenter $$step --out docs/screenshots/presenter-$$step-1280x720.png || exit 1; \
	done
	xvfb-run -a -s "-screen 0 1280x720x24" $(BIN)/python tools/screenshot.py --theme dark \
		--presenter dmu --workshop-account "Havenstad Verzekeringen N.V." \
		--out docs/screenshots/presenter-dmu-small-1280x720.png

# -- Packaging: what a user installs (see README "Install") -------------------------------
# `make wheel`: dist/abm_planner-VERSION-py3-none-any.whl (and the sdist) with python -m build.
# `make bundle`: dist/abm-planner/ (PyInstaller one-folder, packaging/abm-planner.spec) with
# share/ (desktop files, icons) and install-desktop.sh inside, packed as
# dist/abm-planner-VERSION-linux-ARCH.tar.gz; VERSION is what the bundle itself reports.
# `make install-desktop` / `make uninstall-desktop`: this user's menu entry, icons and the
# *.abmplan file type (no root); EXEC= picks the program (default: the bundle if built).
APP_ID := $(shell sed -n 's/^APP_ID = "\(.*\)"/\1/p' abm_planner/__init__.py)
ARCH := $(shell uname -m)
SHARE := build/share
EXEC ?= $(abspath $(if $(wildcard dist/abm-planner/abm-planner),dist/abm-planner/abm-planner,$(BIN)/abm-planner))

.PHONY: wheel bundle install-desktop uninstall-desktop

wheel: $(STAMP)
	rm -f dist/abm_planner-*.whl dist/abm_planner-*.tar.gz
	$(BIN)/python -m build --outdir dist .

$(SHARE)/.staged: $(STAMP) resources/app.svg packaging/render_icons.py $(wildcard packaging/linux/*)
	rm -rf $(SHARE)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/render_icons.py $(SHARE)/icons
	install -D -m 644 packaging/linux/$(APP_ID).desktop $(SHARE)/applications/$(APP_ID).desktop
	install -D -m 644 packaging/linux/$(APP_ID).metainfo.xml $(SHARE)/metainfo/$(APP_ID).metainfo.xml
	install -D -m 644 packaging/linux/$(APP_ID).xml $(SHARE)/mime/packages/$(APP_ID).xml
	touch $@

bundle: $(STAMP) $(SHARE)/.staged
	rm -rf dist/abm-planner dist/abm-planner-*-linux-*.tar.gz
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/abm-planner.spec
	cp -R $(SHARE) dist/abm-planner/share
	rm dist/abm-planner/share/.staged
	install -m 755 packaging/linux/install-desktop.sh dist/abm-planner/install-desktop.sh
	@version=$$(dist/abm-planner/abm-planner --version | cut -d' ' -f2) && \
	archive=dist/abm-planner-$$version-linux-$(ARCH).tar.gz && \
	tar -C dist --transform "s,^abm-planner,abm-planner-$$version,S" -czf $$archive abm-planner && \
	echo "dist/abm-planner/ ($$(du -s --apparent-size --block-size=1 dist/abm-planner | \
		awk '{printf "%.0f MB", $$1 / 1e6}') unpacked) and $$archive"

install-desktop: $(SHARE)/.staged
	sh packaging/linux/install-desktop.sh --exec "$(EXEC)" --share $(SHARE)

uninstall-desktop:
	sh packaging/linux/install-desktop.sh --uninstall
