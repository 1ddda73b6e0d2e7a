# Marketing KPI for LibreOffice Calc: the two commands of the README, and a few more.
# Every target installs missing Debian packages first (scripts/install-deps.sh), then builds.

SHELL      := /bin/bash
BUILD      := build
KPI        := dist/bin/kpi
DEMO_BOOK  := examples/sample-sme-2026.fods
DEMO_OUT   ?= out
DEMO_PROFILE ?= $(BUILD)/demo-profile

.PHONY: all deps build test test-lo25 sanitize demo demo-steps bench install-user format clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default

# All tests: unit tests of the core and office tests in a real headless LibreOffice.
test: build
	cd $(BUILD) && ctest --output-on-failure

# The office tests (all but the reliability suite) and `make demo`'s steps against LibreOffice 25.2 (Debian's bookworm-backports,
# fetched once into build/lo25 and run in a private mount namespace; the system's office is untouched).
test-lo25: deps
	scripts/lo25.sh test

# The core's unit tests under AddressSanitizer + UndefinedBehaviorSanitizer.
sanitize: deps
	@cmake --preset sanitize >/dev/null
	@cmake --build --preset sanitize
	ctest --preset sanitize

# The main job, the user's monthly loop: `kpi new` builds a KPI workbook from the template
# (out/monthly-plan.ods, audited: it must be clean), three months of channel exports are imported
# (examples/monthly-export.csv, a plain CSV as a user exports it), and its report is written last
# (out/kpi-report.pdf: period values, changes, projections and trend charts; out/kpi-report.html: the
# same report as one self-contained web page). The shipped sample workbook
# is recalculated, audited (it flags one KPI on purpose, exit 1), shared and reported on the way.
demo: build
	@$(MAKE) --no-print-directory demo-steps

# The steps of `make demo` on an existing build (scripts/lo25.sh runs them against LibreOffice 25.2).
demo-steps:
	@mkdir -p $(DEMO_OUT)
	$(KPI) --profile $(DEMO_PROFILE) recalc $(DEMO_BOOK) -o $(DEMO_OUT)
	@$(KPI) --profile $(DEMO_PROFILE) audit $(DEMO_BOOK) --lang vi | tee $(DEMO_OUT)/kpi-audit.txt; \
	  status=$${PIPESTATUS[0]}; [ $$status -le 1 ] || exit $$status
	@$(KPI) --profile $(DEMO_PROFILE) audit $(DEMO_BOOK) --json > $(DEMO_OUT)/kpi-audit.json || [ $$? -eq 1 ]
	$(KPI) --profile $(DEMO_PROFILE) share $(DEMO_BOOK) -o $(DEMO_OUT)/sample-for-excel.xlsx --force
	$(KPI) --profile $(DEMO_PROFILE) report $(DEMO_BOOK) -o $(DEMO_OUT)/sample-report.pdf --force
	$(KPI) --profile $(DEMO_PROFILE) new --industry ecommerce --lang vi --name "Mộc Trà Online" \
	  --channels facebook,google,seo,zalo --start 2026-01 --force -o $(DEMO_OUT)/monthly-plan.ods
	@$(KPI) --profile $(DEMO_PROFILE) audit $(DEMO_OUT)/monthly-plan.ods --lang vi | tee $(DEMO_OUT)/monthly-plan-audit.txt; \
	  status=$${PIPESTATUS[0]}; [ $$status -eq 0 ] || exit $$status
	$(KPI) --profile $(DEMO_PROFILE) import $(DEMO_OUT)/monthly-plan.ods examples/monthly-export.csv --in-place
	$(KPI) --profile $(DEMO_PROFILE) recalc $(DEMO_OUT)/monthly-plan.ods -o $(DEMO_OUT)
	$(KPI) --profile $(DEMO_PROFILE) report $(DEMO_OUT)/monthly-plan.ods -o $(DEMO_OUT)/kpi-report.pdf --force
	$(KPI) --profile $(DEMO_PROFILE) report $(DEMO_OUT)/monthly-plan.ods -o $(DEMO_OUT)/kpi-report.html --force
	@echo
	@echo "Demo outputs are in $(abspath $(DEMO_OUT))/:"
	@ls -1 $(DEMO_OUT) | sed 's/^/  /'
	@echo "The KPI report of the monthly loop: $(abspath $(DEMO_OUT))/kpi-report.pdf"
	@echo "The same report as one web page (open it in a browser, send it as one file): $(abspath $(DEMO_OUT))/kpi-report.html"

# Benchmarks (not tests): each prints its figures and ratios against a baseline of the same run.
BENCH_TARGETS := bench bench_audit bench_audit_calc bench_builder bench_import bench_report bench_monthly bench_tree
bench: build
	@for t in $(BENCH_TARGETS); do cmake --build $(BUILD) --target $$t || exit $$?; done

# Installs the extension into YOUR LibreOffice profile (asks nothing else; close LibreOffice first).
install-user: build
	@if [ "$$(id -u)" -eq 0 ]; then \
	  echo "install-user: unopkg refuses to install into a user profile as root; run this as your user."; exit 1; fi
	unopkg add --force dist/kpi-marketing.oxt
	@echo "Installed. Start LibreOffice Calc and type =KPI.CPL(100;4)"

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) build-sanitize dist $(DEMO_OUT)
