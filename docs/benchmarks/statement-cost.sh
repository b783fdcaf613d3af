#!/usr/bin/env bash
# CPU per row of the overview's multi-row inserts, sent as text or server-prepared: ./docs/benchmarks/statement-cost.sh
# Starts the test kit's MariaDB (1 GB buffer pool) and prints the client's and the server's CPU per row, in rounds
# that alternate the two ways (StatementCostBenchmark).
set -euo pipefail
source "$(dirname "$0")/build.sh"
exec java -Xmx1g -Dplatform.root="$root" -Dplatform.mariadb.buffer-pool-size="${MARIADB_BUFFER_POOL:-1G}" \
  -cp "$cp" nl.programmes.platform.bench.StatementCostBenchmark
