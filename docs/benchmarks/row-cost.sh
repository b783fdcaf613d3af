#!/usr/bin/env bash
# What one row costs the database when the overview writes a poll: ./docs/benchmarks/row-cost.sh
# Starts the test kit's MariaDB (with the benchmark's 1 GB buffer pool) and prints, per row, the time the client waited
# and MariaDB's CPU (purge included) for the timeline's table, the same without its secondary indexes or its sentences,
# with other column types, loaded in bulk or sent as LOAD DATA LOCAL INFILE, and the kit's dedupe table.
set -euo pipefail
source "$(dirname "$0")/build.sh"
exec java -Xmx1g -Dplatform.root="$root" -Dplatform.mariadb.buffer-pool-size="${MARIADB_BUFFER_POOL:-1G}" \
  -cp "$cp" nl.programmes.platform.bench.RowCostBenchmark
