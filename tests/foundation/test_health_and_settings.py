"""Health check, settings safety, the admin and the production compose file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.apps import apps
from django.contrib import admin
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_answers_200_with_json_when_database_and_broker_answer(client: Any) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_naming_the_broker_when_it_is_down(client: Any, settings: Any) -> None:
    from factcheck.celery import app

    # broker_write_url is what connection_for_write() uses; it wins over a CELERY_BROKER_URL from the env.
    old = app.conf.broker_write_url
    app.conf.broker_write_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_write_url = old
    assert response.status_code == 503
    body = response.json()
    assert body["broker"] == "failed" and body["database"] == "ok"
    assert any(e.startswith("broker:") for e in body["errors"])


@pytest.mark.django_db
def test_healthz_answers_503_naming_the_database_when_it_is_down(client: Any, monkeypatch: Any) -> None:
    def broken_cursor(*args: Any, **kwargs: Any) -> Any:
        raise connection.Database.OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "failed"
    assert response.json()["errors"] == ["database: not answering (OperationalError)"]
    assert "connection refused" not in response.content.decode()  # details go to the log, not the public


def test_healthz_refuses_post(client: Any) -> None:
    assert client.post("/healthz").status_code == 405


def _run_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**full, "DJANGO_SETTINGS_MODULE": "factcheck.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_refuse_to_start_with_debug_off_and_the_development_key() -> None:
    env = {"DEBUG": "0"}
    env.pop("SECRET_KEY", None)
    result = _run_settings({**env, "SECRET_KEY": "dev-insecure-factcheck-key-change-me"})
    assert result.returncode != 0
    assert "Refusing to start: DEBUG is off and SECRET_KEY is the development key" in result.stderr


def test_settings_start_with_debug_off_and_a_real_key() -> None:
    result = _run_settings({"DEBUG": "0", "SECRET_KEY": "x" * 60})
    assert result.returncode == 0, result.stderr


def test_admin_shows_every_model() -> None:
    ours = [m for m in apps.get_models() if m._meta.app_label in {"claims", "sources"}]
    assert ours
    missing = [m._meta.label for m in ours if m not in admin.site._registry]
    assert missing == []


@pytest.mark.django_db
def test_admin_index_lists_the_models_for_a_superuser(admin_client: Any) -> None:
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    for name in ["Claims", "Verdicts", "Claim events", "Candidate sources", "Source searchs", "Ratings"]:
        assert name in response.content.decode()


@pytest.mark.django_db
def test_default_rating_scale_and_groups_exist() -> None:
    from django.contrib.auth.models import Group

    from claims.models import Rating

    assert set(Group.objects.values_list("name", flat=True)) >= {"editor", "reviewer"}
    labels = list(Rating.objects.values_list("label", flat=True))
    assert labels[0] == "Accurate" and labels[-1] == "Inaccurate" and len(labels) == 6


def test_docker_compose_runs_the_production_shape() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) >= {"db", "redis", "web", "worker", "beat"}
    assert services["db"]["image"].startswith("postgres:16")
    assert services["redis"]["image"].startswith("redis:7")
    assert "gunicorn" in " ".join(services["web"]["command"])
    assert "worker" in " ".join(services["worker"]["command"])
    assert "beat" in " ".join(services["beat"]["command"])
    for name in ("db", "redis", "web"):
        assert "healthcheck" in services[name], name
    assert any(str(v).endswith("/var/lib/postgresql/data") for v in services["db"]["volumes"])
    assert "migrate" in " ".join(services["migrate"]["command"])
    app_env = services["web"]["environment"]
    for var in ("DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"):
        assert var in app_env, var
    # The same names everywhere: every variable compose sets is one settings.py reads.
    settings_text = (ROOT / "factcheck" / "settings.py").read_text()
    for var in app_env:
        assert f'"{var}"' in settings_text, var
    assert (ROOT / "Dockerfile").exists()


@pytest.mark.django_db
def test_a_demo_editor_can_inspect_the_admin_but_not_change_claims(client: Any) -> None:
    import io

    from django.core.management import call_command

    from tests.factories import ClaimFactory

    call_command("load_seeds", "--demo-users", stdout=io.StringIO())
    claim = ClaimFactory()
    assert client.post("/admin/login/", {"username": "editor", "password": "editor-demo-2026"}).status_code == 302
    assert client.get("/admin/claims/claim/").status_code == 200
    page = client.get(f"/admin/claims/claim/{claim.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(f"/admin/claims/claim/{claim.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/claims/rating/add/").status_code == 200


@pytest.mark.django_db
def test_workspace_pages_are_gzipped_for_browsers_that_accept_it(client: Any) -> None:
    import gzip

    from tests.factories import ClaimFactory, UserFactory

    ClaimFactory.create_batch(3)
    client.force_login(UserFactory(groups=["editor"]))
    plain = client.get("/board/")
    packed = client.get("/board/", headers={"accept-encoding": "gzip"})
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert b"<h1" in gzip.decompress(packed.content)
    assert len(packed.content) * 3 < len(plain.content)
