import os
from pathlib import Path

import django
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

from factcheck.embedded import ensure_running_if_wanted

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
# A server is a command that needs the database: start the embedded one when it is the one in use.
ensure_running_if_wanted()
django.setup(set_prefix=False)
# WhiteNoise serves STATIC_ROOT (filled by collectstatic, empty on a laptop) and wants the folder to exist.
Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
application = WSGIHandler()
