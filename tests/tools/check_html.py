#!/usr/bin/python3
"""Checks a web report: valid HTML5 by a strict WHATWG parser (html5lib, Debian's python3-html5lib,
which raises on the first parse error), self-contained and script-free. Exit 0 when it holds, 1 with
the reason otherwise, 2 when html5lib is missing."""
import sys

try:
    import html5lib
except ImportError:
    print("check_html: python3-html5lib is not installed (scripts/install-deps.sh)", file=sys.stderr)
    sys.exit(2)


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        doc = parser.parse(data, transport_encoding="utf-8")
    except html5lib.html5parser.ParseError as e:
        print(f"check_html: {path}: not valid HTML5: {e}", file=sys.stderr)
        return 1
    problems = []
    if not data.lstrip().lower().startswith(b"<!doctype html>"):
        problems.append("no <!DOCTYPE html> first")
    for el in doc.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        local = tag.split("}")[-1].lower()
        if local in ("script", "iframe", "object", "embed", "link", "base"):
            problems.append(f"<{local}> element")
        for name, value in el.attrib.items():
            n = name.split("}")[-1].lower()
            if n.startswith("on"):
                problems.append(f"event handler attribute {n} on <{local}>")
            if n in ("src", "href", "xlink:href", "action", "srcset", "poster", "data") or n.endswith("href"):
                v = value.strip().lower()
                if not (v.startswith("#") or v.startswith("data:")):
                    problems.append(f"external reference {n}={value!r} on <{local}>")
    text = data.decode("utf-8")
    for needle in ("url(http", "url(//", "@import", "@font-face"):
        if needle in text:
            problems.append(f"stylesheet fetches something: {needle}")
    if problems:
        for p in problems[:20]:
            print(f"check_html: {path}: {p}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: check_html.py FILE.html", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
