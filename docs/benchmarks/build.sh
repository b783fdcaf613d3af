# Sourced by the benchmark scripts: builds the project and sets $root (the checkout) and $cp (the bench
# module's test classpath). The working directory is the checkout afterwards.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl infra/platform-tests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
cp="infra/platform-tests/target/test-classes:$(cat infra/platform-tests/target/bench-classpath.txt)"
