#!/usr/bin/env python3
"""Makes the game's font files from SIL's Andika (Debian package fonts-sil-andika).

Subsetting is a modification under the SIL Open Font Licence, and "Andika" is a Reserved Font
Name, so the subset is renamed "Fit Reading". Usage (needs `pip install fonttools`):
    python3 make_subset.py /usr/share/fonts/truetype/andika  assets/fonts
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

# Basic Latin, Latin-1 (accents, £), Latin Extended-A (names), general punctuation (curly
# quotes, dashes, ellipsis, bullet), euro, arrows and a few symbols the game shows.
UNICODES = "U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+2713,U+2715,U+2605"
NEW_FAMILY = "Fit Reading"

def make(src_dir, out_dir, style):
    font = TTFont(f"{src_dir}/Andika-{style}.ttf")
    options = subset.Options()
    options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=subset.parse_unicodes(UNICODES))
    sub.subset(font)
    for rec in font["name"].names:
        text = rec.toUnicode()
        if "Andika" in text and rec.nameID in (1, 3, 4, 6, 16, 18, 21):
            rec.string = text.replace("Andika", NEW_FAMILY if rec.nameID != 6 else NEW_FAMILY.replace(" ", ""))
    out = f"{out_dir}/FitReading-{style}.ttf"
    font.save(out)
    print("wrote", out)

if __name__ == "__main__":
    for style in ("Regular", "Bold"):
        make(sys.argv[1], sys.argv[2], style)
