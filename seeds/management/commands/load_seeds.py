from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from seeds.services import demo_users_ensure, seeds_load


class Command(BaseCommand):
    help = "Load the demo article with its claims (idempotent). --demo-users also creates the demo accounts."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--demo-users", action="store_true", help="Create the demo accounts and print them.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        result = seeds_load()
        articles = ngettext(
            "Seeds loaded: %(count)d new article.",
            "Seeds loaded: %(count)d new articles.",
            result.articles_created,
        ) % {"count": result.articles_created}
        claims = ngettext(
            "%(count)d new claim.",
            "%(count)d new claims.",
            result.claims_created,
        ) % {"count": result.claims_created}
        self.stdout.write(f"{articles} {claims}")
        if options["demo_users"]:
            self.stdout.write(
                _("Demo accounts (log in at %(url)s):") % {"url": f"{settings.SITE_URL}{reverse('login')}"}
            )
            for username, password, role in demo_users_ensure():
                self.stdout.write(
                    _("  %(role)s username: %(username)s password: %(password)s")
                    % {"role": f"{role:<9}", "username": f"{username:<10}", "password": password}
                )
