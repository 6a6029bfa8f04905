# The two commands of the README work on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint typecheck unit bench screenshots translations clean package package-smoke

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	env -u QT_QPA_PLATFORM $(BIN)/fieldreg $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# The suite on both cores (pytest-xdist), a test file per worker at a time: module fixtures are
# built once, and the long crash and race tests run beside the rest. TEST_JOBS=0 runs it serially.
TEST_JOBS ?= 2
unit: $(STAMP)
	$(BIN)/pytest -n $(TEST_JOBS) --dist loadfile $(PYTEST_ARGS)

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python -m bench
	$(BIN)/python -m bench bench.bench_pg_import

# After changing visible strings: refresh the .ts sources, translate what lupdate marked
# unfinished (Qt Linguist: .venv/bin/pyside6-linguist), then run this again to compile the .qm
# (and to copy Qt's own qtbase_uk/ru.qm, shipped with ours, from the PySide6 package).
TS := resources/translations/fieldreg_uk.ts resources/translations/fieldreg_ru.ts
# English needs only its plurals ("1 day old", "2 days old"): the source text is English.
TS_EN := resources/translations/fieldreg_en.ts
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none \
		$$(find fieldreg/ui -name '*.py' | sort) fieldreg/core/messages.py -ts $(TS)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -pluralonly \
		$$(find fieldreg/ui -name '*.py' | sort) fieldreg/core/messages.py -ts $(TS_EN)
	$(BIN)/pyside6-lrelease $(TS) $(TS_EN)
	$(BIN)/python -c "import shutil; from PySide6.QtCore import QLibraryInfo as L; \
		[shutil.copy(f'{L.path(L.LibraryPath.TranslationsPath)}/qtbase_{x}.qm', \
		'resources/translations') for x in ('uk', 'ru')]"

# The README's screenshots, taken under Xvfb with a throwaway store of made-up people.
screenshots: $(STAMP)
	env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1920x1200x24" $(BIN)/python scripts/screenshots.py

# The frozen build of this platform (packaging/fieldreg.spec, PyInstaller onedir) in
# dist/fieldreg/, and on Linux the tarball dist/fieldreg-VERSION-linux-ARCH.tar.gz beside it.
# `make package-smoke` then runs that build as a field laptop would (packaging/smoke_test.py).
# The build has its own environment, where numpy is built from source without BLAS: fieldreg does
# no linear algebra, and the wheel's OpenBLAS is 27 MB of the build's 150 MB budget (gcc needed;
# the wheel is kept in build/wheels). packaging/trim_icu.py needs icupkg (package icu-devtools).
PKG_VENV := .venv-package
PKG_BIN := $(PKG_VENV)/bin
PACKAGE_STAMP := $(PKG_VENV)/.package-stamp
NUMPY_PIN = $(shell grep -E '^numpy==' constraints.txt)
$(PACKAGE_STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(PKG_VENV)
	$(PKG_BIN)/python -m pip install -q --upgrade "pip>=24"
	$(PKG_BIN)/python -m pip wheel -q --no-deps --no-binary numpy -w build/wheels \
		-Csetup-args=-Dblas=none -Csetup-args=-Dlapack=none "$(NUMPY_PIN)"
	$(PKG_BIN)/python -m pip install -q --no-index --find-links build/wheels "$(NUMPY_PIN)"
	$(PKG_BIN)/python -m pip install -q -c constraints.txt -e '.[package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	rm -rf build/pyinstaller dist/fieldreg dist/fieldreg.app
	$(PKG_BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/fieldreg.spec
	$(PKG_BIN)/python packaging/archive.py dist

package-smoke: package $(STAMP)
	env -u QT_QPA_PLATFORM $(BIN)/python packaging/smoke_test.py dist/fieldreg

clean:
	rm -rf $(VENV) $(PKG_VENV) .mypy_cache .pytest_cache .ruff_cache build dist
