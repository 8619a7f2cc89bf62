"""The translation catalogues: extracting every message (``make messages``) and checking the French one
(``make catalogue-check``, ``bin/check-catalogue``).

Messages live in ``locale/<language>/LC_MESSAGES/django.po`` (Python and templates) and ``djangojs.po``
(JavaScript). Extraction is Django's ``makemessages`` over the project only, with file names but no line
numbers (``--add-location=file``), so a catalogue's diff shows changed messages, not moved lines.

The check extracts the messages again into a temporary copy of the project, merged with the committed
catalogue, and lists every message that is missing from the committed catalogue, fuzzy, or untranslated.
Run the commands through ``python -m django`` (not ``manage.py``, which starts the embedded PostgreSQL):
none of them needs a database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE = "fr"
DOMAINS = ("django", "djangojs")
# What is not the project's own text: the virtualenv, run-time data, test output, benchmarks, tests.
IGNORED = (".venv", "var", "test-results", "bench", "tests")
MAKEMESSAGES_OPTIONS = ("--add-location=file", "--no-obsolete", *(f"--ignore={name}" for name in IGNORED))
# Copied for the check: the project's source, without what makemessages never reads.
NOT_COPIED = (*IGNORED, ".git", "__pycache__", "*.mo", ".ruff_cache", ".pytest_cache", "node_modules")


def catalogue_path(root: Path, domain: str, language: str = LANGUAGE) -> Path:
    return root / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def _django(root: Path, *args: str) -> None:
    """``python -m django ARGS`` in ``root``, on its own settings and code, quietly."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["DJANGO_SETTINGS_MODULE"] = "factcheck.settings"
    subprocess.run([sys.executable, "-m", "django", *args, "--verbosity", "0"], cwd=root, env=env, check=True)


def extract(root: Path = ROOT, language: str = LANGUAGE) -> list[Path]:
    """Bring ``language``'s catalogues in ``root`` up to date with the code: every message, new ones empty.

    A domain without any message (no script shows text yet) still gets its catalogue, holding the header only.
    """
    import polib

    paths = [catalogue_path(root, domain, language) for domain in DOMAINS]
    before = {path: path.read_text(encoding="utf-8") for path in paths if path.exists()}
    for domain in DOMAINS:
        _django(root, "makemessages", "--locale", language, "--domain", domain, *MAKEMESSAGES_OPTIONS)
    for path, text in before.items():
        # Only the header's creation date changed: keep the file as it was, so its diff stays empty.
        if path.exists() and _without_date(path.read_text(encoding="utf-8")) == _without_date(text):
            path.write_text(text, encoding="utf-8")
    header_source = next((path for path in paths if path.exists()), None)
    for path in paths:
        if not path.exists() and header_source is not None:
            source = polib.pofile(str(header_source))
            empty = polib.POFile(wrapwidth=source.wrapwidth)
            empty.header, empty.metadata = source.header, dict(source.metadata)
            path.parent.mkdir(parents=True, exist_ok=True)
            empty.save(str(path))
    return paths


def _without_date(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith('"POT-Creation-Date:'))


@dataclass(frozen=True)
class Problem:
    """A message the translation lacks: ``missing`` from the committed catalogue, ``fuzzy`` or ``untranslated``."""

    kind: str
    domain: str
    msgid: str
    msgctxt: str | None = None
    where: str = ""

    def __str__(self) -> str:
        context = f" [context: {self.msgctxt}]" if self.msgctxt else ""
        where = f" ({self.where})" if self.where else ""
        return f"{self.domain}: {self.kind}: {self.msgid!r}{context}{where}"


def problems(extracted: Any, committed: Any | None, domain: str) -> list[Problem]:
    """What keeps ``committed`` (a polib catalogue, or None when there is no file) from translating every
    message of ``extracted`` (the catalogue makemessages merged from the code and ``committed``)."""
    known = {}
    if committed is not None:
        known = {(e.msgctxt, e.msgid, e.msgid_plural): e for e in committed if not e.obsolete}
    found = []
    for entry in extracted:
        if entry.obsolete or not entry.msgid:
            continue
        where = ", ".join(sorted({path for path, _line in entry.occurrences}))
        # A message that gained (or lost) its plural form is a new message: its translation must say it too.
        committed_entry = known.get((entry.msgctxt, entry.msgid, entry.msgid_plural))
        if committed_entry is None:
            kind = "missing"
        elif "fuzzy" in committed_entry.flags:
            kind = "fuzzy"
        elif not committed_entry.translated():
            kind = "untranslated"
        else:
            continue
        found.append(Problem(kind, domain, entry.msgid, entry.msgctxt, where))
    return found


def check(root: Path = ROOT, language: str = LANGUAGE) -> list[Problem]:
    """Every message of the code that ``root``'s committed ``language`` catalogues do not translate."""
    import polib

    with tempfile.TemporaryDirectory(prefix="catalogue-check-") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
        extract(copy, language)
        found = []
        for domain in DOMAINS:
            committed_path = catalogue_path(root, domain, language)
            committed = polib.pofile(str(committed_path)) if committed_path.exists() else None
            extracted_path = catalogue_path(copy, domain, language)
            extracted = polib.pofile(str(extracted_path)) if extracted_path.exists() else []
            found += problems(extracted, committed, domain)
    return found


def main(argv: list[str]) -> int:
    """``extract``: update the catalogues (make messages); ``check``: list what they lack, exit 1 if anything."""
    command = argv[1] if len(argv) > 1 else "check"
    if command == "extract":
        for path in extract():
            print(f"{path.relative_to(ROOT)} is up to date with the code.")
        return 0
    if command != "check":
        print(f"usage: {argv[0]} [extract|check]", file=sys.stderr)
        return 2
    found = check()
    if not found:
        print(f"The {LANGUAGE} catalogues translate every message: none missing, fuzzy or untranslated.")
        return 0
    counts = {kind: sum(1 for p in found if p.kind == kind) for kind in ("missing", "fuzzy", "untranslated")}
    for problem in found:
        print(problem)
    print(
        f"The {LANGUAGE} catalogues lack {len(found)} messages: {counts['missing']} missing (run `make messages`), "
        f"{counts['fuzzy']} fuzzy, {counts['untranslated']} untranslated.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
