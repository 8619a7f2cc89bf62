"""What every browser test does: screenshots under test-results/<area>/, logging in and out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent.parent / "test-results"
PASSWORD = "pass-for-tests-1"  # tests.factories.UserFactory's password


class Shots:
    """Full-page screenshots of one area's steps, kept as test artifacts."""

    def __init__(self, area: str) -> None:
        self.folder = RESULTS / area

    def __call__(self, page: Any, name: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(self.folder / f"{name}.png"), full_page=True)


def login(page: Any, base: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button:has-text('Log in')")


def logout(page: Any) -> None:
    page.click("header button:has-text('Log out')")
    page.wait_for_url(re.compile(r"/accounts/login/"))
