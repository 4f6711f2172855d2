#!/usr/bin/env python3
"""Fails when a target imports a module it must not: the house's star of dependencies.

The core (ERGraph) imports nothing of ours; the libraries beside it (ERQuery, ERFormats,
ERRender) import the core only; the presentation layer (ERAnswers) imports them; the CLI
imports the presentation layer and the argument parser. The web pages (ERWeb) import the
presentation layer and the template library; the HTTP server (ERServer) imports the pages and
Hummingbird; the CLI also imports those two. Package.swift must declare the same.
Run by `make test` (optionally with another package folder as its argument); prints each
offending import as FILE:LINE and exits 1.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
OURS = {"ERGraph", "ERQuery", "ERFormats", "ERRender", "ERAnswers", "ERWeb", "ERServer", "CGraphviz", "CLibXML2"}
# What each target may import of ours and of third parties (system modules are always allowed).
ALLOWED = {
    "ERGraph": set(),
    "ERQuery": {"ERGraph"},
    "ERFormats": {"ERGraph", "CLibXML2", "Yams", "GRDB"},
    "ERRender": {"ERGraph", "CGraphviz"},
    "ERAnswers": {"ERGraph", "ERQuery", "ERFormats", "ERRender"},
    "ERWeb": {"ERAnswers", "Mustache"},
    "ERServer": {"ERWeb", "Hummingbird", "HTTPTypes", "Logging"},
    "ergraph": {"ERAnswers", "ERWeb", "ERServer", "ArgumentParser"},
}
THIRD_PARTY = {"Yams", "GRDB", "ArgumentParser", "Hummingbird", "HTTPTypes", "Logging", "Mustache", "Collections"}
IMPORT = re.compile(r"^\s*(?:@_exported\s+|@testable\s+)?import\s+(?:(?:struct|enum|class|protocol|func|typealias|var|let)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def declared_dependencies():
    """Target name → the dependencies Package.swift lists for it (targets and products)."""
    text = (ROOT / "Package.swift").read_text()
    targets = {}
    pieces = re.split(r"\.(?=(?:target|executableTarget|testTarget|systemLibrary)\()", text)
    for piece in pieces[1:]:
        kind = piece.split("(", 1)[0]
        name = re.search(r'name:\s*"([^"]+)"', piece)
        if kind == "testTarget" or not name:
            continue
        body = piece.split("dependencies:", 1)[1] if "dependencies:" in piece else ""
        products = set(re.findall(r'\.product\(name:\s*"([^"]+)"', body))
        plain = set(re.findall(r'(?<![:\w])"([A-Za-z][A-Za-z0-9_]*)"(?!\s*\))', re.sub(r"\.product\([^)]*\)", "", body)))
        targets[name.group(1)] = products | plain
    return targets


def main():
    problems = []
    declared = declared_dependencies()
    for target, allowed in ALLOWED.items():
        folder = ROOT / "Sources" / target
        for path in sorted(folder.rglob("*.swift")):
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                match = IMPORT.match(line)
                if not match:
                    continue
                module = match.group(1)
                if (module in OURS or module in THIRD_PARTY) and module not in allowed:
                    problems.append(f"{path.relative_to(ROOT)}:{number}: {target} must not import {module} "
                                    f"(it may import {', '.join(sorted(allowed)) or 'nothing of ours'})")
        extra = {d for d in declared.get(target, set()) if d in OURS or d in THIRD_PARTY} - allowed
        if extra:
            problems.append(f"Package.swift: {target} declares {', '.join(sorted(extra))}, outside its allowed "
                            f"{', '.join(sorted(allowed)) or 'nothing of ours'}")
        if target not in declared:
            problems.append(f"Package.swift: no target {target}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"dependency check: {len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return 1
    print(f"dependency check: {len(ALLOWED)} targets, every import within the star")
    return 0


if __name__ == "__main__":
    sys.exit(main())
