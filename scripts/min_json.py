#!/usr/bin/python3
"""min_json.py - a JSON data file as the app embeds it (cmake/embed.cmake): the whitespace between tokens
and every member named "comment" (documentation for whoever edits assets/; no loader reads one) taken
out; every other byte kept as written, numbers and escapes included, so the loaders parse exactly the
same values. About 2 KB gzip of the page's download (docs/PERFORMANCE.md).

usage: min_json.py IN OUT    Exits non-zero, naming the file, when IN is not valid JSON.
"""
import json
import sys


def tokens(text):
    """Yields the JSON text's tokens as written: strings (with their quotes), punctuation, literals."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i += 1
        elif c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            yield text[i:j + 1]
            i = j + 1
        elif c in "{}[],:":
            yield c
            i += 1
        else:
            j = i
            while j < n and text[j] not in " \t\r\n{}[],:\"":
                j += 1
            yield text[i:j]
            i = j


def minify(text):
    out = []
    toks = list(tokens(text))
    depth_stack = []  # for each open container: "{" or "["
    i = 0
    while i < len(toks):
        t = toks[i]
        # An object member "comment": "<string>" (with the comma that joins it to a neighbour) is dropped.
        if depth_stack and depth_stack[-1] == "{" and t == '"comment"' and i + 2 < len(toks) and toks[i + 1] == ":" and toks[i + 2].startswith('"'):
            i += 3
            if i < len(toks) and toks[i] == ",":
                i += 1
            elif out and out[-1] == ",":
                out.pop()
            continue
        if t in "{[":
            depth_stack.append(t)
        elif t in "}]":
            depth_stack.pop()
        out.append(t)
        i += 1
    return "".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: min_json.py IN OUT")
    src, dst = sys.argv[1:]
    with open(src, encoding="utf-8") as f:
        text = f.read()
    try:
        original = json.loads(text)
        small = minify(text)
        again = json.loads(small)
    except (ValueError, IndexError) as e:
        sys.exit(f"min_json: {src} is not valid JSON: {e}")

    def without_comments(v):
        if isinstance(v, dict):
            return {k: without_comments(x) for k, x in v.items() if not (k == "comment" and isinstance(x, str))}
        if isinstance(v, list):
            return [without_comments(x) for x in v]
        return v
    if again != without_comments(original):
        sys.exit(f"min_json: {src}: the minified text does not hold the same data")
    with open(dst, "w", encoding="utf-8") as f:
        f.write(small)


if __name__ == "__main__":
    main()
