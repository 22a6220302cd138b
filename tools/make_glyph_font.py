#!/usr/bin/python3
"""Writes the fuller glyph font the app fetches after its first frame.

The first load carries only the UI's own characters (make_ui_fonts.py). Names, addresses and
questions bring others; this font holds the 6,763 hanzi of GB 2312 (the characters of nearly
every Chinese name and address) and common symbols, regular weight, so the app can grow its
atlas with the characters that actually appear. Anything rarer shows a visible replacement.
"""
import argparse
import sys

from make_ui_fonts import subset_font  # same options: no layout features, no hinting


def gb2312_hanzi():
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--font", required=True)
    ap.add_argument("--font-number", type=int, default=2, help="face in the .ttc (2 = SC)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    chars = set(gb2312_hanzi())
    # Symbols and full-width forms that turn up in addresses and messages.
    chars.update(chr(c) for c in range(0x3000, 0x3040))
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))
    chars.update(chr(c) for c in range(0x2010, 0x2030))
    chars.update(chr(c) for c in range(0x00A0, 0x0100))
    data = subset_font(args.font, args.font_number, sorted(chars))
    with open(args.out, "wb") as f:
        f.write(data)
    print(f"glyph font: {len(chars)} chars, {len(data)} B", file=sys.stderr)


if __name__ == "__main__":
    main()
