#!/usr/bin/env bash
# What one row costs the database when the overview writes a poll: ./docs/benchmarks/row-cost.sh
# Starts the test kit's MariaDB (with the benchmark's 1 GB buffer pool) and prints microseconds per row for
# the timeline's table, the same without its secondary indexes or its sentences or with other column types, and
# the kit's dedupe table.
set -euo pipefail
source "$(dirname "$0")/build.sh"
exec java -Xmx1g -Dplatform.root="$root" -Dplatform.mariadb.buffer-pool-size="${MARIADB_BUFFER_POOL:-1G}" \
  -cp "$cp" nl.programmes.platform.bench.RowCostBenchmark
