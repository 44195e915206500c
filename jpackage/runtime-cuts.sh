#!/usr/bin/env bash
# Prints the jlink --exclude-resources pattern that cuts the parts of the runtime's modules the console never loads:
# Swing, Image I/O, AWT's X11 toolkit, Java2D and its fonts (java.desktop, which javafx.graphics requires for
# java.beans and for a Java2D pipeline and printing the console never uses; the AWT native libraries are left out
# too, so none of this could run anyway), and XSLT with its bytecode compiler (java.xml; nothing in the console or
# its libraries transforms XML). What stays: java.awt's API classes (JNA's method signatures name a few),
# java.beans (javafx.base's bean adapters), the service providers java.desktop declares (sound, printing). jlink refuses an image in which a
# package of the module descriptor has no file left, so each package keeps its smallest file (a class that is
# never loaded) and loses the rest. The package list is read from the JDK whose jlink makes the runtime.
# Usage: runtime-cuts.sh JDK_HOME   (prints nothing when that JDK has no jimage tool)
set -euo pipefail
jdk=${1:?usage: runtime-cuts.sh JDK_HOME}
[ -x "$jdk/bin/jimage" ] && [ -f "$jdk/lib/modules" ] || exit 0
cut='^(java\.desktop/(javax/swing|sun/swing|com/sun/java/swing|com/sun/swing|javax/imageio|com/sun/imageio|sun/awt/X11|sun/java2d|sun/font)|java\.xml/com/sun/org/apache/(xalan|bcel))(/|$)'
"$jdk/bin/jimage" list --verbose "$jdk/lib/modules" | awk -v cut="$cut" '
  /^Module: / { module = $2; next }
  NF == 4 && $1 ~ /^[0-9]+$/ {
    path = module "/" $4
    dir = path; sub(/\/[^\/]+$/, "", dir)
    if (dir !~ cut) next
    file = substr(path, length(dir) + 2)
    if (!(dir in size) || $2 < size[dir]) { size[dir] = $2; keep[dir] = file }
  }
  END {
    n = 0
    for (dir in keep) {
      d = dir; f = keep[dir]
      gsub(/[.$]/, "\\\\&", d); gsub(/[.$]/, "\\\\&", f)
      alt[n++] = d "/(?!" f "$)[^/]+"
    }
    if (n == 0) exit
    printf "regex:/("
    for (i = 0; i < n; i++) printf "%s%s", (i ? "|" : ""), alt[i]
    printf ")\n"
  }'
