#!/usr/bin/env bash
# Rebuilds the fallback font for CJK and emoji names (fonts/README.md) from its two sources:
#   WenQuanYi Micro Hei 0.2.0-beta (Debian: fonts-wqy-microhei), Apache-2.0
#   Noto Emoji, monochrome (npm: @expo-google-fonts/noto-emoji 0.4.7, the Google Fonts build), OFL-1.1
# Needs python3-fonttools and npm. Writes src/main/resources/bifrostconsole/ui/fonts/BifrostConsoleFallback.ttf.
set -euo pipefail
cd "$(dirname "$0")/.."

wqy=${WQY_MICROHEI:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
[ -f "$wqy" ] || { echo "Missing $wqy: apt-get install fonts-wqy-microhei (or set WQY_MICROHEI)" >&2; exit 1; }
/usr/bin/python3 -c 'import fontTools' 2>/dev/null || { echo "Missing fontTools: apt-get install python3-fonttools" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @expo-google-fonts/noto-emoji@0.4.7 >/dev/null && tar xzf expo-google-fonts-noto-emoji-0.4.7.tgz)
emoji="$work/package/400Regular/NotoEmoji_400Regular.ttf"

out=src/main/resources/bifrostconsole/ui/fonts
/usr/bin/python3 fonts/build-fallback-font.py "$wqy" "$emoji" "$out/BifrostConsoleFallback.ttf"
cp "$work/package/LICENSE_FONT" "$out/LICENSE-OFL-1.1.txt"
cp /usr/share/common-licenses/Apache-2.0 "$out/LICENSE-Apache-2.0.txt"
echo "deflated as in the jar: $(gzip -9 -c "$out/BifrostConsoleFallback.ttf" | wc -c) bytes"
