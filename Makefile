# deskd — operator and CI entry points. See README.md.
.PHONY: run stop test bench build clean token

run:       ## start MariaDB, deskd and nginx locally (https://us.desk.localhost:8443/)
	scripts/run.sh

stop:      ## stop what `make run` started
	scripts/stop.sh

test:      ## every test: swift test + integration tests through nginx
	scripts/test.sh

token:     ## print a new access token for the demo administrator (after `make run`)
	@DESKD_CONFIG=.run/deskd.toml $${DESKD_SCRATCH_PATH:-.build}/release/deskd token create \
		--region eu --portal demo --agent admin@demo.example

bench:     ## deskd vs a minimal C FastCGI responder, through nginx
	scripts/bench.sh

build:     ## release build
	swift build -c release --product deskd

clean:     ## build products and test/bench state; keeps .run/mariadb data and .run/deskd.toml
	rm -rf .build .run/test .run/bench
