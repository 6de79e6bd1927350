# Huibao. `make demo` renders every sample into out/, `make test` runs all tests.
# Both run scripts/setup first (it does nothing when the machine is ready).
SWIFT ?= swift
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: demo test build release setup clean bench

setup:
	@scripts/setup

release: setup
	$(SWIFT) build -c release --static-swift-stdlib --product huibao

build: setup
	$(SWIFT) build

demo: release
	@mkdir -p out
	@scripts/demo

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: setup
	@bench/run.sh

clean:
	rm -rf .build out
