"""The catalogue machinery: the check catches what a translation lacks, `make messages` keeps diffs quiet, and
the gettext tools are installed or asked for by name.

The check runs Django's makemessages for real, on a small sample project written here.
"""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import polib

from factcheck import catalogue

ROOT = Path(__file__).resolve().parents[2]


def _entry(msgid: str, msgstr: str = "", **extra: object) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, **extra)


def _catalogue(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n > 1);"}
    for entry in entries:
        po.append(entry)
    return po


def test_problems_name_every_untranslated_fuzzy_and_missing_message() -> None:
    committed = _catalogue(
        _entry("Board", "Tableau"),
        _entry("Inbox"),
        _entry("Draft", "Brouillon", flags=["fuzzy"]),
        _entry("Open", "Ouvert", msgctxt="error reports not resolved yet"),
        _entry("%(count)s claim", "%(count)s affirmation"),  # the code gave it a plural form since
        _entry("Gone", "Parti", obsolete=True),
    )
    extracted = _catalogue(
        _entry("Board", "Tableau"),
        _entry("Inbox"),
        _entry("Draft", "Brouillon", flags=["fuzzy"]),
        _entry("Open", "Ouvert", msgctxt="error reports not resolved yet"),
        _entry("Open", "", msgctxt="a link to what an inbox item is about"),
        _entry("%(count)s claim", msgid_plural="%(count)s claims", msgstr_plural={0: "", 1: ""}),
        _entry("New claim", occurrences=[("claims/templates/claims/article.html", "")]),
    )
    found = catalogue.problems(extracted, committed, "django")
    assert [(p.kind, p.msgid, p.msgctxt) for p in found] == [
        ("untranslated", "Inbox", None),
        ("fuzzy", "Draft", None),
        ("missing", "Open", "a link to what an inbox item is about"),
        ("missing", "%(count)s claim", None),
        ("missing", "New claim", None),
    ]
    assert str(found[-1]) == "django: missing: 'New claim' (claims/templates/claims/article.html)"


def test_without_a_committed_catalogue_every_message_is_missing() -> None:
    found = catalogue.problems(_catalogue(_entry("Board")), None, "djangojs")
    assert [(p.kind, p.domain) for p in found] == [("missing", "djangojs")]


def test_a_fully_translated_catalogue_has_no_problem() -> None:
    both = _catalogue(
        _entry("Board", "Tableau"),
        _entry("%(n)s day", msgid_plural="%(n)s days", msgstr_plural={0: "%(n)s jour", 1: "%(n)s jours"}),
    )
    assert catalogue.problems(both, both, "django") == []


SAMPLE_SETTINGS = """
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "sample"
INSTALLED_APPS = []
USE_I18N = True
LANGUAGE_CODE = "en-gb"
LOCALE_PATHS = [BASE_DIR / "locale"]
"""

SAMPLE_PO = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgid "Translated sentence."
msgstr "Phrase traduite."

msgid "Untranslated sentence."
msgstr ""

#, fuzzy
msgid "Fuzzy sentence."
msgstr "Phrase floue."

msgid "Shown by a script."
msgstr "Montré par un script."
"""


def _sample_project(root: Path) -> Path:
    (root / "factcheck").mkdir(parents=True)
    (root / "factcheck" / "__init__.py").write_text("")
    (root / "factcheck" / "settings.py").write_text(SAMPLE_SETTINGS)
    (root / "app").mkdir()
    (root / "app" / "words.py").write_text(
        textwrap.dedent(
            """
            from django.utils.translation import gettext as _

            WORDS = [_("Translated sentence."), _("Untranslated sentence."), _("Fuzzy sentence.")]
            """
        )
    )
    (root / "app" / "page.html").write_text('{% load i18n %}<p>{% translate "Missing sentence." %}</p>\n')
    (root / "app" / "page.js").write_text('document.title = gettext("Shown by a script.");\n')
    # Never read: what the project ignores.
    (root / "tests").mkdir()
    (root / "tests" / "test_words.py").write_text('from django.utils.translation import gettext as _\n_("A test.")\n')
    messages = root / "locale" / "fr" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "django.po").write_text(SAMPLE_PO.lstrip())
    return root


def test_the_check_catches_an_untranslated_a_fuzzy_and_a_missing_message(tmp_path: Path) -> None:
    project = _sample_project(tmp_path / "sample")
    before = (project / "locale/fr/LC_MESSAGES/django.po").read_text()
    found = catalogue.check(project)
    assert sorted((p.domain, p.kind, p.msgid) for p in found) == [
        ("django", "fuzzy", "Fuzzy sentence."),
        ("django", "missing", "Missing sentence."),
        ("django", "untranslated", "Untranslated sentence."),
        # djangojs.po is not committed in the sample: the script's sentence is missing from it.
        ("djangojs", "missing", "Shown by a script."),
    ]
    assert {p.where for p in found if p.msgid == "Missing sentence."} == {"app/page.html"}
    # The check works on a copy: the committed catalogue is as it was, and no djangojs.po appeared.
    assert (project / "locale/fr/LC_MESSAGES/django.po").read_text() == before
    assert not (project / "locale/fr/LC_MESSAGES/djangojs.po").exists()


def test_extracting_writes_every_message_with_files_but_no_line_numbers(tmp_path: Path) -> None:
    project = _sample_project(tmp_path / "sample")
    (project / "app" / "page.js").write_text("document.title = 'no text through gettext';\n")
    catalogue.extract(project)
    django_po = polib.pofile(str(project / "locale/fr/LC_MESSAGES/django.po"))
    assert {e.msgid for e in django_po} == {
        "Translated sentence.",
        "Untranslated sentence.",
        "Fuzzy sentence.",
        "Missing sentence.",
    }
    assert django_po.find("Translated sentence.").msgstr == "Phrase traduite."  # translations are kept
    assert {line for e in django_po for _path, line in e.occurrences} == {""}
    # A domain without messages still has its catalogue: the header alone.
    js_po = polib.pofile(str(project / "locale/fr/LC_MESSAGES/djangojs.po"))
    assert len(js_po) == 0 and js_po.metadata["Plural-Forms"].startswith("nplurals=2")
    # Extracting again with nothing changed leaves the files byte for byte (no new creation date).
    before = (project / "locale/fr/LC_MESSAGES/django.po").read_text()
    catalogue.extract(project)
    assert (project / "locale/fr/LC_MESSAGES/django.po").read_text() == before


def test_missing_gettext_tools_are_asked_for_by_name(tmp_path: Path) -> None:
    # A PATH with nothing but `id`: no gettext tools, and no apt-get to install them with.
    (tmp_path / "id").symlink_to("/usr/bin/id")
    result = subprocess.run(
        ["/bin/bash", str(ROOT / "bin" / "ensure-gettext")],
        env={**os.environ, "PATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "sudo apt-get install -y gettext" in result.stderr


def test_the_gettext_tools_are_found_when_installed() -> None:
    result = subprocess.run(["/bin/bash", str(ROOT / "bin" / "ensure-gettext")], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
