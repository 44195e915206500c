#!/usr/bin/env bash
# Builds the AppCDS archive of a Linux app-image, so the JVM maps the classes a start needs from one file instead
# of loading and verifying them one by one:
#   1. a training run: the launcher's --smoke-test opens the demo workspace, shows the first page of keys and
#      exits, while the JVM records every class it loads into lib/app/<name>.classlist (kept in the image);
#   2. a dump: the same launcher, JVM and class path write those classes into lib/app/app.jsa, which the launcher's
#      java options name.
# JDK 17 accepts an archive only where its class path is exactly the one it was dumped with, so app.jsa serves
# this app-image where it is; a package installs the class list and its postinst dumps the archive for the
# installed path. A missing or mismatched archive is ignored by the JVM (the console starts, only slower).
# The training run needs a display: $DISPLAY, or xvfb-run (apt-get install -y xvfb). Without either this warns
# and leaves the image without an archive.
set -euo pipefail

image=${1:?usage: build-cds-archive.sh APP_IMAGE_DIR}
image=$(cd "$image" && pwd)
name=$(basename "$image")
launcher="$image/bin/$name"
classlist="$image/lib/app/$name.classlist"
archive="$image/lib/app/app.jsa"
[ -x "$launcher" ] || { echo "build-cds-archive.sh: no launcher at $launcher" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$archive" "$classlist"

display=()
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    display=(xvfb-run -a -s "-screen 0 1440x900x24")
  else
    echo "WARNING: no display and no xvfb-run: $image has no AppCDS archive and starts slower (apt-get install -y xvfb)" >&2
    exit 0
  fi
fi

# The jpackage launcher reads no JDK_JAVA_OPTIONS; JAVA_TOOL_OPTIONS is read by the JVM itself and comes before the
# launcher's own options. The console keeps its settings in a throw-away folder: a build must not touch the
# builder's configuration.
echo "AppCDS: training run (--smoke-test on the demo workspace)"
JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$classlist -Dbifrost.console.configDir=$work/config" \
  "${display[@]}" "$launcher" --smoke-test
echo "AppCDS: dumping $(wc -l <"$classlist") classes"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$classlist -XX:SharedArchiveFile=$archive" \
  "$launcher" >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; echo "build-cds-archive.sh: the dump failed" >&2; exit 1; }
[ -s "$archive" ] || { cat "$work/dump.log" >&2; echo "build-cds-archive.sh: no archive written" >&2; exit 1; }
echo "AppCDS: $archive ($(du -h "$archive" | cut -f1))"
