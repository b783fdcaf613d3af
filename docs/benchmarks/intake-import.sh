#!/usr/bin/env bash
# How long an intake table takes to import: ./docs/benchmarks/intake-import.sh [rows, default 2000]
# Starts the test kit's broker and database and the announcements service, and prints the time to import a table of
# that many rows new, again unchanged, and with one year's figures changed (IntakeImportBenchmark).
set -euo pipefail
source "$(dirname "$0")/build.sh"
exec java -Xmx1g -Dplatform.root="$root" -cp "$cp" nl.programmes.platform.bench.IntakeImportBenchmark "${1:-2000}"
