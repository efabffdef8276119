#!/usr/bin/python3
"""make_fonts.py - builds the app's fonts from Debian's font packages at build time (CMake runs it;
never committed): cut to the characters the strings files use, and always with TrueType (glyf)
outlines, the only kind Dear ImGui 1.86's stb_truetype reads.

  ui-regular.ttf, ui-bold.ttf  Roboto (fonts-roboto-unhinted): every character of every language that
                               has no font of its own in assets/languages.json, and the UI's symbols.
  ui-names.ttf                 the glyphs the languages' own names need that Roboto lacks ("简体中文" in
                               the Settings menu whatever the UI language), from a language font
                               (an empty file when every name is in Roboto).
  <code>.ttf                   for each language with a "font" in assets/languages.json: the characters
                               of assets/strings/<code>.json that the UI fonts lack, from that font (Noto Sans
                               CJK SC for zh-CN: CFF outlines in a collection, converted to quadratic
                               glyf outlines here). The browser fetches it only when the language is chosen.

usage: make_fonts.py ROOT OUT_DIR    (ROOT: the repository, OUT_DIR: where the fonts go)
Needs only fontTools (Debian python3-fonttools, installed by make setup); no network. Exits non-zero
with a message naming the file and the characters when a language uses a character no font has.
"""
import json
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROBOTO = "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-{}.ttf"
# What the UI draws besides the strings: ASCII, no-break space, dashes, quotes, bullet, ellipsis, arrows,
# minus, micro, approx, less/greater-or-equal. Not all of Latin-1: the accented letters come from the
# strings (every Latin language's are in the one UI font; all of Latin-1 would be 5.8 KB gzip more).
UI_SYMBOLS = [(0x20, 0x7E), (0xA0, 0xA0), (0x2013, 0x2014), (0x2018, 0x201D), (0x2022, 0x2022), (0x2026, 0x2026),
              (0x2190, 0x2193), (0x2212, 0x2212), (0x03BC, 0x03BC), (0x2248, 0x2248), (0x2264, 0x2265), (0x202F, 0x202F)]


# The pseudo-locale's letters (src/app/locale.cpp accented() and its padding words): it is made from
# English at run time, so no strings file names them.
PSEUDO_LETTERS = "áçéîñöüÁÉÖÜë"


def fail(message):
    print(f"make_fonts: {message}", file=sys.stderr)
    sys.exit(1)


def strings_chars(path):
    try:
        with open(path, encoding="utf-8") as f:
            table = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"cannot read {path}: {e}")
    return {ord(c) for key, text in table.items() if not key.startswith("@") and isinstance(text, str) for c in text if c not in "\n\t"}


def open_font(spec, root):
    """A language's "font" of languages.json: {"file": path, "name": full name inside a collection}."""
    path = spec.get("file", "")
    if not os.path.isfile(path):
        fail(f"{path or '(no file)'} not found: install the Debian package {spec.get('package', '?')} (make setup does)")
    if path.lower().endswith((".ttc", ".otc")):
        for font in TTCollection(path).fonts:
            if font["name"].getDebugName(4) == spec.get("name") or font["name"].getDebugName(1) == spec.get("name"):
                return font
        fail(f"{path} has no font named {spec.get('name')!r}")
    return TTFont(path, lazy=True)


def cmap_of(font):
    return set(font.getBestCmap().keys())


def to_glyf(font, max_err=1.0):
    """CFF (cubic) outlines -> glyf (quadratic), in place: what stb_truetype can read."""
    if "glyf" in font:
        return
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    maxp.maxPoints = maxp.maxContours = maxp.maxCompositePoints = maxp.maxCompositeContours = maxp.maxComponentDepth = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller
    font.sfntVersion = "\x00\x01\x00\x00"


def write_subset(font, codepoints, out):
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the copyright and licence notice ids the font has
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE", "GDEF", "GSUB", "GPOS", "DSIG", "meta"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(codepoints))
    sub.subset(font)
    to_glyf(font)
    font.save(out)


def main():
    if len(sys.argv) != 3:
        fail("usage: make_fonts.py ROOT OUT_DIR")
    root, out_dir = sys.argv[1:]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(root, "assets/languages.json"), encoding="utf-8") as f:
        languages = json.load(f)["languages"]
    symbols = {c for lo, hi in UI_SYMBOLS for c in range(lo, hi + 1)}
    roboto = ROBOTO.format("Regular")
    if not os.path.isfile(roboto):
        fail(f"{roboto} not found: install the Debian package fonts-roboto-unhinted (make setup does)")
    latin = cmap_of(TTFont(roboto, lazy=True))

    # Every language without a font of its own is written in Roboto: it must have every character.
    ui = set(symbols) | {ord(c) for c in PSEUDO_LETTERS}
    for lang in languages:
        chars = strings_chars(os.path.join(root, "assets/strings", lang["code"] + ".json"))
        if "font" in lang:
            continue
        missing = sorted(chars - latin)
        if missing:
            fail(f"assets/strings/{lang['code']}.json uses characters the UI font (Roboto) lacks: {''.join(map(chr, missing))} "
                 f"- give the language a \"font\" in assets/languages.json (docs/TRANSLATING.md)")
        ui |= chars
    for weight, name in (("Regular", "ui-regular.ttf"), ("Bold", "ui-bold.ttf")):
        write_subset(TTFont(ROBOTO.format(weight)), ui & latin, os.path.join(out_dir, name))

    # Each language's own font: the characters of its strings that Roboto lacks.
    name_chars = {ord(c) for lang in languages for c in lang["name"]} - latin
    names_done = set()
    names_font = None
    for lang in languages:
        if "font" not in lang:
            continue
        # What the UI font holds comes from it; everything else from the language's own font (a Greek
        # alpha in Chinese text is in Roboto, but not in the UI font's subset).
        chars = strings_chars(os.path.join(root, "assets/strings", lang["code"] + ".json")) - (ui & latin)
        font = open_font(lang["font"], root)
        have = cmap_of(font)
        missing = sorted(chars - have)
        if missing:
            fail(f"assets/strings/{lang['code']}.json uses characters {lang['font'].get('name')} lacks: {''.join(map(chr, missing))}")
        write_subset(font, chars, os.path.join(out_dir, lang["code"] + ".ttf"))
        if names_font is None and name_chars <= have:
            names_font = lang["font"]
        names_done |= name_chars & have
    left = sorted(name_chars - names_done)
    if left:
        fail(f"no language font has the characters {''.join(map(chr, left))} of the languages' names in assets/languages.json")
    if names_font:
        write_subset(open_font(names_font, root), name_chars, os.path.join(out_dir, "ui-names.ttf"))
    else:  # every name is Latin: an empty file (the app adds no font then), so the build has the same files
        open(os.path.join(out_dir, "ui-names.ttf"), "wb").close()


if __name__ == "__main__":
    main()
