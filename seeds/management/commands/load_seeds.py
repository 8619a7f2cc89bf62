from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from seeds.services import demo_users_ensure, seeds_load


class Command(BaseCommand):
    help = "Load the demo article with its claims (idempotent). --demo-users also creates the demo accounts."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--demo-users", action="store_true", help="Create the demo accounts and print them.")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        result = seeds_load()
        self.stdout.write(
            f"Seeds loaded: {result.articles_created} new article(s), {result.claims_created} new claim(s)."
        )
        if options["demo_users"]:
            self.stdout.write(f"Demo accounts (log in at {settings.SITE_URL}{reverse('login')}):")
            for username, password, role in demo_users_ensure():
                self.stdout.write(f"  {role:<9} username: {username:<10} password: {password}")
