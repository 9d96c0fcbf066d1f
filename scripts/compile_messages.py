#!/usr/bin/env python3
"""Compile the message catalogues of Amity (.po -> .mo) with Babel.

Django's ``compilemessages`` needs GNU gettext's ``msgfmt``; this script needs only Babel (a
dependency of Amity), so a fresh machine can build the .mo files without gettext installed.

    python scripts/compile_messages.py            # every src/amity/locale/*/LC_MESSAGES/*.po
    python scripts/compile_messages.py FILE.po …  # only these

Every catalogue is read and checked first; nothing is written unless all of them are valid. The
exit status is non-zero when a catalogue has a syntax error, a translation whose placeholders do not
match its source (``%(name)s``, ``%s``, …) or a plural translation with the wrong number of forms.
Entries marked fuzzy are left out of the .mo, as msgfmt does, and reported.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "src" / "amity" / "locale"


class CatalogError(Exception):
    pass


# Babel's reader forgives much (an unterminated string, a second msgstr, an unknown keyword are
# skipped or merged silently), so the syntax is checked first as strictly as msgfmt does.
_STRING = re.compile(r'"(?:[^"\\]|\\(?:[ntrabfv\\"\'?]|[0-7]{1,3}|x[0-9A-Fa-f]+))*"\s*$')
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)\s+(.*)$")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


def check_syntax(po_path: Path, raw: bytes) -> list[str]:
    """Return the syntax errors of a .po file (empty if there are none)."""
    match = _CHARSET.search(raw)
    charset = match.group(1).decode("ascii") if match else "utf-8"
    try:
        text = raw.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        return [f"{po_path}: cannot be decoded as {charset}: {exc}"]

    errors: list[str] = []
    seen: dict[tuple[str | None, str], int] = {}
    # state: "start" (between entries), "ctxt", "id", "plural", "str" (entry complete)
    state, ctxt, msgid, entry_line, next_index, last = "start", None, None, 0, 0, None
    malformed = False  # the current entry has a malformed string: skip its duplicate check

    def finish(lineno: int) -> None:
        nonlocal state, ctxt, msgid, malformed
        if state in ("ctxt", "id", "plural"):
            errors.append(f"{po_path}:{entry_line}: entry without msgstr")
        elif state == "str" and msgid is not None and not malformed:
            key = (ctxt, msgid)
            if key in seen:
                errors.append(
                    f"{po_path}:{entry_line}: duplicate message (first at line {seen[key]})"
                )
            else:
                seen[key] = entry_line
        state, ctxt, msgid, malformed = "start", None, None, False

    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if state != "str" and state != "start":
                errors.append(f"{po_path}:{lineno}: comment inside an entry")
            finish(lineno)
            continue
        if stripped.startswith('"'):
            if last is None:
                errors.append(f"{po_path}:{lineno}: string without a keyword")
            elif not _STRING.match(stripped):
                errors.append(f"{po_path}:{lineno}: malformed string")
                malformed = True
            else:
                value = stripped[1:].rstrip()[:-1]
                if last == "msgid":
                    msgid += value
                elif last == "msgctxt":
                    ctxt += value
            continue
        keyword = _KEYWORD.match(stripped)
        if not keyword:
            errors.append(f"{po_path}:{lineno}: unknown keyword or misplaced text")
            last = None
            continue
        name, index, rest = keyword.group(1), keyword.group(2), keyword.group(3).strip()
        value = ""
        if _STRING.match(rest):
            value = rest[1:].rstrip()[:-1]
        else:
            errors.append(f"{po_path}:{lineno}: malformed string after {name}")
        last = name if name in ("msgid", "msgctxt") else "other"
        if name == "msgctxt":
            finish(lineno)
            state, ctxt, entry_line = "ctxt", value, lineno
        elif name == "msgid":
            if state != "ctxt":
                finish(lineno)
                entry_line = lineno
            state, msgid = "id", value
        elif name == "msgid_plural":
            if state != "id":
                errors.append(f"{po_path}:{lineno}: msgid_plural without msgid")
            state, next_index = "plural", 0
        elif index is not None:  # msgstr[N]
            if state not in ("plural", "str") or int(index) != next_index:
                errors.append(f"{po_path}:{lineno}: unexpected {name}")
            state, next_index = "str", next_index + 1
        else:  # msgstr
            if state != "id":
                errors.append(f"{po_path}:{lineno}: unexpected msgstr")
            state, next_index = "str", -1  # no msgstr[N] may follow
        if not _STRING.match(rest):
            malformed = True
    finish(0)
    return errors


def is_translated(message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return any(strings)


def load(po_path: Path) -> tuple[Catalog, list[str]]:
    """Read and check one catalogue; return it with its warnings, or raise CatalogError."""
    locale = po_path.parent.parent.name  # locale/<lang>/LC_MESSAGES/<domain>.po
    try:
        raw = po_path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"{po_path}: cannot be read: {exc}") from exc
    syntax_errors = check_syntax(po_path, raw)
    if syntax_errors:
        raise CatalogError("\n".join(f"{error} (syntax error)" for error in syntax_errors))
    try:
        catalog = read_po(io.BytesIO(raw), locale=locale, domain=po_path.stem, abort_invalid=True)
    except PoFileError as exc:
        raise CatalogError(f"{po_path}: syntax error: {exc}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogError(f"{po_path}: cannot be read: {exc}") from exc

    errors: list[str] = []
    warnings: list[str] = []
    for message, problems in catalog.check():
        for problem in problems:
            where = f"{po_path}:{message.lineno}"
            errors.append(f"{where}: {problem} (msgid {message.id!r})")
    for message in catalog:
        if message.id and message.fuzzy and is_translated(message):
            warnings.append(f"{po_path}:{message.lineno}: fuzzy, left out: {message.id!r}")
    if errors:
        raise CatalogError("\n".join(errors))
    return catalog, warnings


def write(catalog: Catalog, mo_path: Path) -> None:
    """Write the .mo atomically, so a failure never leaves a truncated file behind."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    fd, tmp = tempfile.mkstemp(dir=mo_path.parent, prefix=".", suffix=".mo.tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(buffer.getvalue())
        os.chmod(tmp, 0o644)
        os.replace(tmp, mo_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help=".po files (default: all of Amity's)")
    args = parser.parse_args(argv)

    po_files = sorted(args.files or LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
    if not po_files:
        print(f"No .po files found under {LOCALE_DIR}", file=sys.stderr)
        return 1

    loaded: list[tuple[Path, Catalog]] = []
    failed = False
    for po_path in po_files:
        try:
            catalog, warnings = load(po_path)
        except CatalogError as exc:
            print(exc, file=sys.stderr)
            failed = True
            continue
        for warning in warnings:
            print(warning, file=sys.stderr)
        loaded.append((po_path, catalog))
    if failed:
        print("Nothing compiled: fix the errors above.", file=sys.stderr)
        return 1

    for po_path, catalog in loaded:
        mo_path = po_path.with_suffix(".mo")
        write(catalog, mo_path)
        messages = [m for m in catalog if m.id]
        translated = sum(1 for m in messages if is_translated(m) and not m.fuzzy)
        try:
            shown = mo_path.relative_to(ROOT)
        except ValueError:
            shown = mo_path
        print(f"{shown}: {translated} of {len(messages)} messages translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
