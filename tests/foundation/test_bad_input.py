"""Bad input gets a sentence, never a database error page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from claims.models import Article

pytestmark = pytest.mark.django_db


def test_a_nul_character_in_a_form_answers_400_with_a_reason(client: Any, editor: Any, claim: Any) -> None:
    client.force_login(editor)
    response = client.post(f"/claims/{claim.pk}/comments/", {"body": "a\x00b"})
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    assert not claim.comments.exists()


def test_a_nul_character_in_a_query_string_answers_400(client: Any, editor: Any) -> None:
    client.force_login(editor)
    response = client.get("/board/", {"status": "new\x00"})
    assert response.status_code == 400


def test_an_uploaded_text_file_with_nul_bytes_is_refused_and_nothing_is_stored(client: Any, editor: Any) -> None:
    client.force_login(editor)
    upload = SimpleUploadedFile("story.txt", b"Title\n\nSome text\x00with a NUL.", content_type="text/plain")
    response = client.post("/import/", {"file": upload, "title": "A story"})
    assert response.status_code in {200, 400}
    assert "NUL characters" in response.content.decode()
    assert not Article.objects.exists()


def test_the_import_command_refuses_a_file_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Title\n\nSome text\x00here.")
    with pytest.raises(CommandError, match="NUL characters"):
        call_command("import_article", str(path), stdout=io.StringIO())
    assert not Article.objects.exists()


def test_an_over_long_approval_note_is_refused_not_dropped(client: Any, editor: Any, reviewer: Any) -> None:
    from claims.models import ClaimStatus
    from tests.factories import ClaimFactory, VerdictFactory

    claim = ClaimFactory(status=ClaimStatus.SUBMITTED, assignee=reviewer)
    VerdictFactory(claim=claim, author=reviewer)
    client.force_login(editor)
    response = client.post(f"/claims/{claim.pk}/verdict/approve/", {"note": "x" * 5000})
    assert response.status_code == 400
    assert "Not done:" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_a_non_ascii_digit_in_the_publish_form_is_ignored_not_a_crash(client: Any, editor: Any, claim: Any) -> None:
    client.force_login(editor)
    response = client.post(f"/articles/{claim.article_id}/publish/", {"headline": "ok", "excluded": "²"})
    assert response.status_code in {200, 302, 400}


def test_a_refused_publication_keeps_what_the_editor_typed(client: Any, editor: Any, claim: Any) -> None:
    client.force_login(editor)
    response = client.post(
        f"/articles/{claim.article_id}/publish/go/", {"headline": "h" * 301, "summary": "MY-SUMMARY-TEXT"}
    )
    assert response.status_code == 400
    assert "MY-SUMMARY-TEXT" in response.content.decode()


def test_a_nul_character_in_an_htmx_form_is_shown_in_the_alert_area(client: Any, editor: Any, claim: Any) -> None:
    client.force_login(editor)
    response = client.post(f"/claims/{claim.pk}/comments/", {"body": "a\x00b"}, HTTP_HX_REQUEST="true")
    # htmx swaps no 4xx answer, so the sentence comes as a 200 retargeted at the page's alert area.
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#alerts"
    assert "NUL character" in response.content.decode()
    assert not claim.comments.exists()
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    assert 'id="alerts"' in page


def test_a_broker_that_is_down_does_not_undo_or_break_a_saved_assignment(
    editor: Any, reviewer: Any, claim: Any, django_capture_on_commit_callbacks: Any, caplog: Any, monkeypatch: Any
) -> None:
    from kombu.exceptions import OperationalError

    from claims import services
    from factcheck.outbox.models import OutboundEmail
    from factcheck.outbox.tasks import outbox_send

    def broker_down(*args: Any, **kwargs: Any) -> None:
        # What kombu raises when the broker does not answer (pointing the app at a dead broker instead
        # would leave its connection pool broken for the tests that follow).
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(outbox_send, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    claim.refresh_from_db()
    assert claim.status == "assigned"
    assert "Could not send factcheck.outbox.tasks.outbox_send" in caplog.text
    # The email is not lost: it waits in the outbox for the sweep.
    assert OutboundEmail.objects.get().status == "pending"
