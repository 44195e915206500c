#!/usr/bin/env bash
# Start-up benchmark (bifrostconsole.bench.StartupBenchmark): the console against an empty JavaFX window, each from
# its app-image launcher and with java -jar, medians and ratios from one run, plus the app-image and .deb sizes.
# Run after `mvn -Pinstaller package` (which compiles the test classes too). Under Xvfb when there is no display.
#   jpackage/startup-benchmark.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/test-classes/bifrostconsole/bench ] || { echo "run mvn -Pinstaller package first" >&2; exit 1; }
command=(java -cp target/test-classes:target/classes bifrostconsole.bench.StartupBenchmark "$@")
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1440x900x24" "${command[@]}"
fi
exec "${command[@]}"
