#!/usr/bin/env bash
# Builds the start-up cache of a Linux app-image, so the JVM maps the classes a start needs (loaded, verified and,
# with an AOT cache, linked) from one file instead of loading them one by one from the jars:
#   AOT=true  (runtime from JDK 24+): lib/app/<name>.aot, an ahead-of-time cache (JEP 483/515) recorded from a
#             training run and named by the launcher's -XX:AOTCache option.
#   AOT=false (runtime from JDK 17):  lib/app/app.jsa, an AppCDS archive named by -XX:SharedArchiveFile.
# The training run is the launcher's --smoke-test: it opens the demo workspace, shows the first page of keys and
# exits. Either way the classes it loaded are kept in lib/app/<name>.classlist, from which the .deb's postinst
# dumps the cache again where the package is installed (the install has no display for a training run).
# A missing cache is ignored by the JVM (the console starts, only slower); .ci/run checks that it is valid.
# The training run needs a display: $DISPLAY, or xvfb-run (apt-get install -y xvfb). Without either this warns
# and leaves the image without a cache.
# Usage: build-startup-cache.sh APP_IMAGE_DIR [AOT=true|false]
set -euo pipefail

image=${1:?usage: build-startup-cache.sh APP_IMAGE_DIR [AOT=true|false]}
aot=${2:-false}
image=$(cd "$image" && pwd)
name=$(basename "$image")
launcher="$image/bin/$name"
cfg="$image/lib/app/$name.cfg"
classlist="$image/lib/app/$name.classlist"
if [ "$aot" = true ]; then cache="$image/lib/app/$name.aot"; else cache="$image/lib/app/app.jsa"; fi
[ -x "$launcher" ] || { echo "build-startup-cache.sh: no launcher at $launcher" >&2; exit 1; }

work=$(mktemp -d)
restore_cfg() { [ -f "$work/launcher.cfg" ] && cp "$work/launcher.cfg" "$cfg"; rm -rf "$work"; }
trap restore_cfg EXIT
rm -f "$cache" "$classlist"

display=()
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    display=(xvfb-run -a -s "-screen 0 1440x900x24")
  else
    echo "WARNING: no display and no xvfb-run: $image has no start-up cache and starts slower (apt-get install -y xvfb)" >&2
    exit 0
  fi
fi

# The jpackage launcher reads no JDK_JAVA_OPTIONS; JAVA_TOOL_OPTIONS is read by the JVM itself and comes before the
# launcher's own options. The console keeps its settings in a throw-away folder: a build must not touch the
# builder's configuration.
settings="-Dbifrost.console.configDir=$work/config"
if [ "$aot" = true ]; then
  # A JVM given -XX:AOTCache may neither record a cache nor dump a class list, so the training runs go without the
  # launcher's AOTCache option (restored on exit).
  cp "$cfg" "$work/launcher.cfg"
  grep -v -- '-XX:AOTCache=' "$work/launcher.cfg" >"$cfg"
fi
echo "Start-up cache: training run (--smoke-test on the demo workspace), recording the classes it loads"
JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$classlist $settings" \
  "${display[@]}" "$launcher" --smoke-test
echo "Start-up cache: $(wc -l <"$classlist") classes"

if [ "$aot" = true ]; then
  # Two steps: JDK 25's one-step -XX:AOTCacheOutput assembles the cache in a child java, which a jlinked runtime
  # without native commands lacks. The record run also keeps method profiles (JEP 515) for the cache.
  echo "Start-up cache: training run for the AOT cache"
  JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$work/app.aotconf $settings" \
    "${display[@]}" "$launcher" --smoke-test >"$work/train.log" 2>&1 \
    || { cat "$work/train.log" >&2; echo "build-startup-cache.sh: the training run failed" >&2; exit 1; }
  JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$work/app.aotconf -XX:AOTCache=$cache" \
    "$launcher" >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; echo "build-startup-cache.sh: creating the AOT cache failed" >&2; exit 1; }
  cp "$work/launcher.cfg" "$cfg"
else
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$classlist -XX:SharedArchiveFile=$cache" \
    "$launcher" >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; echo "build-startup-cache.sh: the dump failed" >&2; exit 1; }
fi
[ -s "$cache" ] || { cat "$work"/*.log >&2; echo "build-startup-cache.sh: no cache written" >&2; exit 1; }
echo "Start-up cache: $cache ($(du -h "$cache" | cut -f1))"
