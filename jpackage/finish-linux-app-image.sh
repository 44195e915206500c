#!/usr/bin/env bash
# Finishes a Linux app-image made by jpackage, before any installer is built from it:
#   1. JavaFX's native libraries go into the runtime's lib/ folder, where JavaFX looks first. jlink left them out of
#      the module image (see the installer profile's --exclude-resources); otherwise JavaFX would unpack them into
#      ~/.openjfx/cache on first start and checksum them on every start.
#   2. Native libraries lose their symbol tables (strip --strip-unneeded): libjvm.so shrinks by about 4 MB.
#   2b. JNA's native stubs for the other 25 platforms leave its jar (1.7 MB). jna-platform and jkeychain stay,
#      though only Windows and macOS use them: java-keyring's backend probe fails without them.
#   3. The start-up cache and its class list (build-startup-cache.sh), unless CACHE is false: an AOT cache when the
#      runtime is JDK 24+ (AOT=true), an AppCDS archive on JDK 17.
#   4. A copy of the image for the .deb, without the cache (it is most of the package's size, and JDK 17 accepts an
#      archive only at the path it was dumped for): the package's postinst dumps it from the class list where the
#      package installs it.
# Usage: finish-linux-app-image.sh APP_IMAGE_DIR JAVAFX_MODULE_DIR PACKAGE_IMAGE_PARENT_DIR [CACHE=true|false] [AOT=true|false]
set -euo pipefail

if [ "$(uname -s)" != Linux ]; then
  echo "finish-linux-app-image.sh: not Linux, nothing to do"
  exit 0
fi
image=${1:?usage: finish-linux-app-image.sh APP_IMAGE_DIR JAVAFX_MODULE_DIR PACKAGE_IMAGE_PARENT_DIR}
javafx_modules=${2:?usage: finish-linux-app-image.sh APP_IMAGE_DIR JAVAFX_MODULE_DIR PACKAGE_IMAGE_PARENT_DIR}
package_parent=${3:?usage: finish-linux-app-image.sh APP_IMAGE_DIR JAVAFX_MODULE_DIR PACKAGE_IMAGE_PARENT_DIR}
cache=${4:-true}
aot=${5:-false}
runtime_lib="$image/lib/runtime/lib"

graphics_jar=$(ls "$javafx_modules"/javafx-graphics-*-linux*.jar 2>/dev/null | head -n 1)
[ -n "$graphics_jar" ] || { echo "finish-linux-app-image.sh: no javafx-graphics Linux jar in $javafx_modules" >&2; exit 1; }
# The JDK's jar tool rather than unzip, which a fresh machine may lack; the libraries sit at the jar's root.
graphics_jar=$(cd "$(dirname "$graphics_jar")" && pwd)/$(basename "$graphics_jar")
jar=$(command -v jar || echo "${JAVA_HOME:?neither jar on the PATH nor JAVA_HOME}/bin/jar")
(cd "$runtime_lib" && "$jar" xf "$graphics_jar" $("$jar" tf "$graphics_jar" | grep -E '^[^/]+\.so$'))
echo "JavaFX native libraries placed in $runtime_lib"

if command -v strip >/dev/null; then
  find "$image/lib" -name '*.so' -type f -exec chmod u+w {} + -exec strip --strip-unneeded {} +
  echo "Native libraries stripped"
else
  echo "WARNING: strip not found (apt-get install -y binutils): native libraries keep their symbol tables" >&2
fi

# Before the start-up cache, which records the jars' sizes and times.
case "$(uname -m)" in
  x86_64|amd64) jna_platform=linux-x86-64 ;;
  aarch64|arm64) jna_platform=linux-aarch64 ;;
  *) jna_platform="" ;;
esac
jna_jar=$(ls "$image"/lib/app/jna-[0-9]*.jar 2>/dev/null | head -n 1 || true)
if [ -n "$jna_jar" ] && [ -n "$jna_platform" ] && command -v zip >/dev/null; then
  others=$("$jar" tf "$jna_jar" | grep -E '^com/sun/jna/[^/]+/(lib)?jnidispatch\.' | grep -v "^com/sun/jna/$jna_platform/" || true)
  # shellcheck disable=SC2086
  [ -z "$others" ] || zip -q -d "$jna_jar" $others
  echo "JNA: native stubs for other platforms removed ($(echo "$others" | grep -c .) files)"
elif [ -n "$jna_jar" ]; then
  echo "WARNING: zip not found (apt-get install -y zip): JNA keeps its native stubs for every platform" >&2
fi
if [ "$cache" = true ]; then
  bash "$(dirname "$0")/build-startup-cache.sh" "$image" "$aot"
else
  rm -f "$image"/lib/app/*.jsa "$image"/lib/app/*.aot "$image"/lib/app/*.classlist
  echo "Start-up cache left out (installer.startupCache=$cache)"
fi

rm -rf "$package_parent"
mkdir -p "$package_parent"
cp -a "$image" "$package_parent/"
rm -f "$package_parent/$(basename "$image")"/lib/app/*.jsa "$package_parent/$(basename "$image")"/lib/app/*.aot
echo "Image for packages: $package_parent/$(basename "$image")"
