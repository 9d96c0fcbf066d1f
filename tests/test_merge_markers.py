"""No file of the project keeps a merge's conflict markers: a package.json that held both sides
once passed every Python test and stopped the install of a fresh clone."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEPT = ("src", "tests", "e2e", "bench", "scripts", "docs")
FILES = ("package.json", "package-lock.json", "pyproject.toml", "Makefile", "README.md")
SUFFIXES = {".py", ".html", ".js", ".css", ".json", ".po", ".md", ".toml", ".txt", ".xml", ".yml"}
MARKER = re.compile(r"^(<{7} |>{7} |={7}$)", re.MULTILINE)


def project_files():
    yield from (ROOT / name for name in FILES if (ROOT / name).exists())
    for folder in KEPT:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in SUFFIXES and "vendor" not in path.parts and path.is_file():
                yield path


def test_no_file_keeps_conflict_markers():
    marked = [
        str(path.relative_to(ROOT))
        for path in project_files()
        if MARKER.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert marked == []


def test_the_marker_pattern_finds_a_conflict():
    conflict = '{\n<<<<<<< HEAD\n  "a": 1\n=======\n  "a": 2\n>>>>>>> main\n}\n'
    assert MARKER.search(conflict)
    assert not MARKER.search("Title\n=====\n")
