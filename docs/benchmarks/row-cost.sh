#!/usr/bin/env bash
# What one row costs the database when the overview writes a poll: ./docs/benchmarks/row-cost.sh
# Starts the test kit's MariaDB (with the benchmark's 1 GB buffer pool) and prints microseconds per row for
# the timeline's table, the same without its secondary indexes or its sentences, and the dedupe table.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl infra/platform-tests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
cp="infra/platform-tests/target/test-classes:$(cat infra/platform-tests/target/bench-classpath.txt)"
exec java -Xmx1g -Dplatform.root="$root" -Dplatform.mariadb.buffer-pool-size="${MARIADB_BUFFER_POOL:-1G}" \
  -cp "$cp" nl.programmes.platform.bench.RowCostBenchmark
