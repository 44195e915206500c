#!/usr/bin/env python3
"""Builds src/main/resources/bifrostconsole/ui/fonts/BifrostConsoleFallback.ttf: the font the console falls back to
for CJK and emoji names (see fonts/README.md). Usage: build-fallback-font.py WQY_MICROHEI_TTC NOTO_EMOJI_TTF OUT_TTF

Needs fontTools (Debian: python3-fonttools). The character set is computed from the national standards' common sets,
which Python's codecs carry, so it needs no word lists."""
import os
import sys
import tempfile

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

FAMILY = "Bifrost Console Fallback"


def decodable(encoding, lead, trail=range(0xA1, 0xFF)):
    """Every character a two-byte encoding has in the lead bytes given: a national standard's set."""
    chars = set()
    for a in lead:
        for b in trail:
            try:
                text = bytes([a, b]).decode(encoding)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                chars.add(ord(text))
    return chars


def cjk_set():
    han = lambda s: {c for c in s if 0x4E00 <= c <= 0x9FFF}
    # GB 2312 level 1: the 3,755 most common simplified Chinese characters (rows 16-55).
    gb2312_level1 = han(decodable("gb2312", range(0xB0, 0xD8)))
    # JIS X 0208 level 1: the 2,965 common kanji (rows 16-47); most are in the set above already.
    jis_level1 = han(decodable("euc_jp", range(0xB0, 0xD0)))
    # KS X 1001: the 2,350 Hangul syllables in everyday use (rows 16-40).
    ks_hangul = {c for c in decodable("euc_kr", range(0xB0, 0xC9)) if 0xAC00 <= c <= 0xD7A3}
    blocks = set(range(0x3000, 0x3100))  # CJK punctuation, hiragana, katakana
    blocks |= set(range(0x31F0, 0x3200))  # katakana extensions
    blocks |= set(range(0x3131, 0x318F))  # Hangul compatibility jamo
    blocks |= set(range(0xFF01, 0xFFEF))  # full-width and half-width forms
    return gb2312_level1 | jis_level1 | ks_hangul | blocks


# Emoji people put in names: faces, people and hands, animals and nature, food, travel, objects and symbols
# (🔑, 🔥, ✅), hearts and dingbats, regional indicators (flags show as two letters: JavaFX does not join them);
# the joiner, both presentation selectors (ui/FallbackFont asks for text presentation) and the keycap, all empty.
EMOJI_RANGES = [(0x1F300, 0x1F5FF), (0x1F600, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F900, 0x1F9FF), (0x1FA70, 0x1FAFF),
                (0x2600, 0x27BF), (0x1F1E6, 0x1F1FF), (0x2B50, 0x2B55), (0x231A, 0x23FF)]


def subset_font(source, unicodes, out):
    options = subset.Options()
    options.layout_features = []  # JavaFX does not apply them to a fallback font: no ligatures, no vertical forms
    options.hinting = False
    options.name_IDs = [0, 13, 14]
    options.drop_tables += ["vhea", "vmtx", "GDEF", "GPOS", "GSUB", "STAT", "FFTM"]
    options.font_number = 0
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    subset.save_font(font, out, options)


def rename(font, copyrights):
    name = font["name"]
    name.names = [n for n in name.names if n.nameID in (13, 14)]
    for platform, encoding, language in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(copyrights, 0, platform, encoding, language)
        name.setName(FAMILY, 1, platform, encoding, language)
        name.setName("Regular", 2, platform, encoding, language)
        name.setName(FAMILY + " Regular", 3, platform, encoding, language)
        name.setName(FAMILY + " Regular", 4, platform, encoding, language)
        name.setName("Version 1.0", 5, platform, encoding, language)
        name.setName("BifrostConsoleFallback-Regular", 6, platform, encoding, language)
        name.setName("This Font Software is licensed under the SIL Open Font License, Version 1.1; its CJK glyphs are"
                     " from WenQuanYi Micro Hei, used under the Apache License, Version 2.0.", 13, platform, encoding,
                     language)
        name.setName("https://openfontlicense.org", 14, platform, encoding, language)


def main(wqy, emoji, out):
    with tempfile.TemporaryDirectory() as tmp:
        cjk_out = os.path.join(tmp, "cjk.ttf")
        emoji_out = os.path.join(tmp, "emoji.ttf")
        subset_font(wqy, cjk_set(), cjk_out)
        subset_font(emoji, {c for lo, hi in EMOJI_RANGES for c in range(lo, hi + 1)} | {0x200D, 0xFE0E, 0xFE0F, 0x20E3},
                    emoji_out)
        copyrights = (TTFont(wqy, fontNumber=0)["name"].getDebugName(0) + " "
                      + TTFont(emoji)["name"].getDebugName(0) + ".")
        merged = Merger().merge([cjk_out, emoji_out])
        rename(merged, " ".join(copyrights.split()))
        merged.save(out)
    font = TTFont(out)
    print(f"{out}: {os.path.getsize(out)} bytes, {len(font.getBestCmap())} characters,"
          f" {font['maxp'].numGlyphs} glyphs")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
