#!/usr/bin/env bash
# Prints the jlink --exclude-resources pattern that cuts the parts of the runtime's modules the console never loads:
#   java.desktop (javafx.graphics requires it for java.beans, and for a Java2D pipeline and printing the console
#     never uses): Swing, Image I/O, AWT's X11 toolkit, Java2D and its fonts. The AWT native libraries are left
#     out as well (the installer profile), so none of this could run anyway.
#   java.xml: the JAXP implementation (Xerces, XSLT, XPath, the bundled DTDs). Nothing in the console or its
#     libraries parses or transforms XML (javafx.graphics reads XML only for Android fonts, Jackson only for
#     DOM-typed fields, which the console has none of); a factory asked for anyway fails with "Provider ... not
#     found".
# What stays: the API classes of both modules (JNA's method signatures name a few java.awt ones), java.beans
# (javafx.base's bean adapters), the service providers java.desktop declares (sound, printing).
# jlink refuses an image in which a package of a module descriptor has no file left, so each package keeps its
# smallest file (never loaded) and loses the rest; the package list is read from the JDK whose jlink makes the
# runtime.
# Usage: runtime-cuts.sh JDK_HOME   (prints nothing when that JDK has no jimage tool)
set -euo pipefail
jdk=${1:?usage: runtime-cuts.sh JDK_HOME}
[ -x "$jdk/bin/jimage" ] && [ -f "$jdk/lib/modules" ] || exit 0
cut='^(java\.desktop/(javax/swing|sun/swing|com/sun/java/swing|com/sun/swing|javax/imageio|com/sun/imageio|sun/awt/X11|sun/java2d|sun/font)|java\.xml/(com/sun/org/apache|jdk/xml/internal/jdkcatalog))(/|$)'
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
