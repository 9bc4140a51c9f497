# vipbook: `make run` to use it, `make test` to check it.
GO      ?= go
BIN     := bin/vipbook
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
PKGS    := ./...

.PHONY: build run demo test test-deps vet unit e2e fuzz fuzz-short bench clean

# Static (CGO_ENABLED=0): no dynamic loader and libc to start in every
# process, 1-2 ms of CPU and ~45 page faults of `vipbook --version`
# (BENCHMARKS.md, process floor). vipbook has no C; what changes is where
# the chain's PostgreSQL client looks up a host name (Go's resolver, which
# reads /etc/hosts, resolv.conf and nsswitch.conf, not libc's NSS modules)
# and the user name it takes by default (from /etc/passwd, else $USER).
build:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/vipbook

# First run: write a demo book when there is no book yet, then open the app.
run: build
	@$(BIN) demo --if-missing
	@$(BIN)

# A fresh demo book (replaces an earlier demo, never a real book).
demo: build
	$(BIN) demo

# What the tests need from the network, fetched once: the Go modules (the
# tools of make vet among them), and from the npm registry by their lock
# files ical.js for the independent check of exported .ics and .vcf files
# (test/ical), lunar-javascript for the lunar calendar's (test/lunar).
# After this the tests run offline.
test-deps:
	$(GO) mod download
	cd third_party/phonenumbers && $(GO) mod download
	cd third_party/bbolt && $(GO) mod download
	@for d in test/ical test/lunar; do \
		if [ -f $$d/package.json ] && [ ! -d $$d/node_modules ]; then \
			npm ci --prefix $$d --no-audit --no-fund || exit 1; fi; done

# go vet, gofmt, staticcheck and deadcode; the last two are pinned as tool
# directives in go.mod (go tool NAME), so their versions move only with it.
vet:
	$(GO) vet $(PKGS)
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) tool staticcheck $(PKGS)
	@out=$$($(GO) tool deadcode -test $(PKGS)) || exit 1; \
		test -z "$$out" || { echo "dead code (go tool deadcode -test):"; echo "$$out"; exit 1; }

# third_party/phonenumbers and third_party/bbolt are modules of their own
# (patched copies; their tests hold the patches equal to upstream): ./...
# does not reach them.
unit:
	$(GO) test -race -timeout 60m $(PKGS)
	$(GO) test -C third_party/phonenumbers -timeout 10m .
	$(GO) test -C third_party/bbolt -race -timeout 10m .

# Short fuzz runs of the parsers of outside input (longer: make fuzz). A
# run that ends with "context deadline exceeded" and no failing input has
# passed: that is Go's fuzz engine stopping its own workers at -fuzztime
# and reporting the stop as an error when a worker is late to it on a busy
# machine (go.dev/issue/75804, in Go 1.26; Go 1.27 ignores it the same
# way). It hit FuzzDetect in CI, 2026-12-06, and three targets in one run
# of two CIs side by side; a rerun hits it as often under load. Any
# failing input, or any other failure, fails.
FUZZTIME ?= 10s
fuzz-short:
	@for t in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
		for f in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$t/*_test.go | sed 's/func //'); do \
			echo "fuzz $$t $$f ($(FUZZTIME))"; \
			out=$$($(GO) test -C $$t -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -timeout 30m . 2>&1); rc=$$?; echo "$$out"; \
			if [ $$rc -ne 0 ] && echo "$$out" | grep -qx '    context deadline exceeded' && \
				! echo "$$out" | grep -q -e 'Failing input written' -e '^panic:' -e 'timed out'; then \
				echo "fuzz $$t $$f: passed (the engine's own stop at -fuzztime reported as an error, go.dev/issue/75804; no input failed)"; \
			elif [ $$rc -ne 0 ]; then exit 1; fi; \
		done; done

fuzz:
	$(MAKE) fuzz-short FUZZTIME=5m

test: test-deps vet unit fuzz-short

# Benchmarks on generated books (a 100k-client book is built once into the
# temp dir on first use; see BENCHMARKS.md).
BENCHTIME ?= 1s
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) -timeout 60m $(PKGS)

# The crash test at length: hundreds of SIGKILLs of a writer, each followed
# by a reopen and a full check of the book (a few minutes).
.PHONY: stress
stress:
	VIPBOOK_STRESS=1 $(GO) test -run '^TestCrashSafety$$' -count 1 -v -timeout 15m ./store/

clean:
	rm -rf bin
