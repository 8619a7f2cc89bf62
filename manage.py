#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    from factcheck.embedded import ensure_running_if_wanted

    # Without DATABASE_URL every command talks to the embedded PostgreSQL: start it first.
    ensure_running_if_wanted()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
