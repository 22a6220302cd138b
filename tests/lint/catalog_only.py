#!/usr/bin/python3
"""Chinese words reach the screen only from the message catalog.

Fails when a C++ string or character literal in src/ holds Chinese outside
src/core/messages/messages.inc. Comments are not looked at, and neither is data that is not
the app's words: the demo district's names and texts, and the tables that match or break
Chinese text rather than show it (listed below with why).

  tests/lint/catalog_only.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXEMPT = {
    "src/core/messages/messages.inc": "the catalog itself",
    "src/core/demo/": "the demo district's data: names, addresses, articles",
    "src/core/membership/normalize.cpp": "company-name suffixes and punctuation folded away to compare employers",
    "src/app/place_name.h": "union-name suffixes dropped to shorten a unit's name",
    "src/ui/line_break.cpp": "punctuation that may not start or end a line",
}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# A C++ string or character literal, or a comment, whichever starts first.
TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|R"(?P<d>[^(]*)\(.*?\)(?P=d)"|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.S)


def offending_lines(text):
    return [text.count("\n", 0, m.start()) + 1 for m in TOKEN.finditer(text)
            if not m.group(0).startswith("/") and CJK.search(m.group(0))]


def main():
    problems = []
    for path in sorted((ROOT / "src").rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if path.suffix not in (".cpp", ".h", ".inc") or rel.startswith(tuple(EXEMPT)):
            continue
        problems += [f"{rel}:{line}" for line in offending_lines(path.read_text(encoding="utf-8"))]
    for p in problems:
        print(f"{p}: Chinese in a literal outside the catalog: add a row to src/core/messages/messages.inc and use its Msg")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
