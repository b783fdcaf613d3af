#!/usr/bin/env bash
# Overview benchmark: ./docs/benchmarks/run.sh [events=100000] [commands/s=200] [readers=200]
# Starts its own broker and MariaDB (the test kit) and the overview and announcements services in
# their own JVMs, then prints the figures. Not part of the test suite.
set -euo pipefail
source "$(dirname "$0")/build.sh"
# Services run with production-like JVM settings here (C2 JIT, bigger heap), not the local runtime's small ones.
export SERVICE_JVM_OPTIONS="${SERVICE_JVM_OPTIONS:--Xms256m -Xmx512m -XX:+UseParallelGC}"
# The broker and the database, too: C2 and a heap for the broker, a buffer pool that holds the data.
kafka_options="${KAFKA_JVM_OPTIONS:--Xms256m -Xmx512m -XX:+UseParallelGC}"
buffer_pool="${MARIADB_BUFFER_POOL:-1G}"
# BENCH_JVM_OPTIONS: extra options for the load generator itself (say, -Xlog:gc:file=/tmp/gc-bench.log).
exec java ${BENCH_JVM_OPTIONS:-} -Xmx1g -Dplatform.root="$root" -Dplatform.kafka.jvm-options="$kafka_options" \
  -Dplatform.mariadb.buffer-pool-size="$buffer_pool" -cp "$cp" nl.programmes.platform.bench.OverviewBenchmark "$@"
