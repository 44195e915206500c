#!/usr/bin/env bash
# Regenerates every icon file from the two SVG sources in this folder, and copies the sizes the window uses
# into the application's resources. Needs: rsvg-convert (librsvg2-bin), convert (imagemagick), png2icns (icnsutils).
#   apt-get install -y librsvg2-bin imagemagick icnsutils && icons/build-icons.sh
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "build-icons.sh: $tool is missing (apt-get install -y librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done

# 16 to 32 px come from the artwork redrawn on a 16 px grid: the master's thin margins and three arcs blur there.
small_sizes=(16 24 32)
large_sizes=(48 64 128 256 512 1024)
mkdir -p png
for size in "${small_sizes[@]}"; do
  rsvg-convert -w "$size" -h "$size" bifrost-console-small.svg -o "png/bifrost-console-$size.png"
done
for size in "${large_sizes[@]}"; do
  rsvg-convert -w "$size" -h "$size" bifrost-console.svg -o "png/bifrost-console-$size.png"
done

# Windows: one .ico holding every size the shell asks for (lists, taskbar, Explorer's large views).
convert png/bifrost-console-{16,24,32,48,64,128,256}.png bifrost-console.ico
# macOS: the .icns sizes png2icns knows (16, 32, 48, 128, 256, 512, 1024).
png2icns bifrost-console.icns png/bifrost-console-{16,32,48,128,256,512,1024}.png >/dev/null
# Linux: the .desktop entry and jpackage use a single PNG.
cp png/bifrost-console-256.png bifrost-console.png

# The window and taskbar icons (AppIcons loads these from the class path).
resources=../src/main/resources/bifrostconsole/icons
mkdir -p "$resources"
for size in 16 24 32 48 64 128 256; do
  cp "png/bifrost-console-$size.png" "$resources/bifrost-console-$size.png"
done
echo "icons regenerated in $(pwd) and $resources"
