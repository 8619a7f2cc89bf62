"""``/checks/feed.atom``: new and updated checks, written from their published snapshots."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from claims.models import Check
from claims.publishing import selectors, wording
from claims.publishing.jsonld import public_check_url
from claims.publishing.selectors import correction_text
from claims.publishing.wording import format_day, rating_in

FEED_SIZE = 50


class ChecksAtomFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("%(name)s: fact-checks") % {"name": settings.ORGANIZATION_NAME}

    def subtitle(self) -> str:
        return _("New and updated fact-checks, with their ratings and corrections.")

    def link(self) -> str:
        return settings.SITE_URL + reverse("public:check_list")

    def feed_url(self) -> str:
        return settings.SITE_URL + reverse("public:feed")

    def author_name(self) -> str:
        return settings.ORGANIZATION_NAME

    def author_link(self) -> str:
        return settings.ORGANIZATION_URL

    def items(self) -> list[Check]:
        return list(selectors.published_checks()[:FEED_SIZE])

    def item_title(self, item: Check) -> str:
        return item.current_version.snapshot["headline"]

    def item_description(self, item: Check) -> str:
        snap = item.current_version.snapshot
        lines = [snap.get("summary", "")]
        for claim in snap["claims"]:
            lines.append(
                _("Claim %(number)s: “%(text)s” Rating: %(rating)s.")
                % {"number": claim["number"], "text": claim["text"], "rating": rating_in(claim["rating"])["label"]}
            )
        version = item.current_version
        latest = (snap.get("corrections") or [None])[-1]
        if latest and latest.get("version") == version.number:
            note = wording.correction_text(latest)
        else:
            note = correction_text(version.correction_note) if version.correction_note else ""
        if note:
            lines.append(_("Updated %(date)s: %(note)s") % {"date": format_day(version.published_at), "note": note})
        # Atom marks the summary type="html": readers render it, so every piece of text is escaped.
        return "".join(f"<p>{escape(line)}</p>" for line in lines if line)

    def item_link(self, item: Check) -> str:
        return public_check_url(item.slug)

    def item_guid(self, item: Check) -> str:
        return public_check_url(item.slug)

    def item_pubdate(self, item: Check) -> dt.datetime | None:
        return parse_datetime(item.current_version.snapshot["first_published_at"])

    def item_updateddate(self, item: Check) -> dt.datetime:
        return item.current_version.published_at

    def item_author_name(self, item: Check) -> str:
        return settings.ORGANIZATION_NAME

    def item_categories(self, item: Check) -> list[str]:
        return sorted({rating_in(c["rating"])["label"] for c in item.current_version.snapshot["claims"]})

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        return None
