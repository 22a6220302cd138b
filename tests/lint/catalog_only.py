#!/usr/bin/python3
"""Chinese words reach the screen only from the message catalog.

Scans the C++ of src/ for string literals holding Chinese (comments and the demo district's
data aside) outside src/core/messages/messages.inc. Code not yet moved to the catalog is
listed in chinese_outside_catalog.txt with how many such literals each file has: a file may
only go down. A new file with Chinese in a literal, or a file with more than it had, fails.

  tests/lint/catalog_only.py [--write]   --write records the counts as they are now
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
BASELINE = pathlib.Path(__file__).with_name("chinese_outside_catalog.txt")
# Data, not words of the app: the demo district's names and texts, the catalog itself.
EXEMPT = ("src/core/demo/", "src/core/messages/messages.inc")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# A C++ string or character literal, or a comment, whichever starts first.
TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|R"(?P<d>[^(]*)\(.*?\)(?P=d)"|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.S)


def literals_with_chinese(text):
    return sum(1 for m in TOKEN.finditer(text) if not m.group(0).startswith("/") and CJK.search(m.group(0)))


def counts():
    out = {}
    for path in sorted((ROOT / "src").rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if path.suffix not in (".cpp", ".h", ".inc") or rel.startswith(EXEMPT):
            continue
        n = literals_with_chinese(path.read_text(encoding="utf-8"))
        if n:
            out[rel] = n
    return out


def main():
    now = counts()
    if "--write" in sys.argv:
        BASELINE.write_text("".join(f"{n} {f}\n" for f, n in sorted(now.items())), encoding="utf-8")
        print(f"recorded {sum(now.values())} literals in {len(now)} files")
        return 0
    allowed = {}
    for line in BASELINE.read_text(encoding="utf-8").splitlines():
        n, f = line.split(" ", 1)
        allowed[f] = int(n)
    problems = [f"{f}: {n} literal(s) with Chinese, {allowed.get(f, 0)} allowed: put the words in "
                "src/core/messages/messages.inc" for f, n in now.items() if n > allowed.get(f, 0)]
    lower = [f"{f}: {now.get(f, 0)} now, {n} allowed" for f, n in allowed.items() if now.get(f, 0) < n]
    for p in problems:
        print(p)
    if lower:
        print("fewer than recorded (good): run tests/lint/catalog_only.py --write to lower the ceiling:\n  " + "\n  ".join(lower))
    print(f"{sum(now.values())} literals with Chinese outside the catalog in {len(now)} files")
    return 1 if problems or lower else 0


if __name__ == "__main__":
    sys.exit(main())
