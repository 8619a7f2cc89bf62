"""Date formats of the project's languages where they differ from Django's (``FORMAT_MODULE_PATH``).

Templates name formats (``|date:"DATE_FORMAT"``, ``"DATETIME_FORMAT"``, ``"MONTH_DAY_FORMAT"`` ...) rather
than spell them out, so each language gets its own: English "2 Mar 2026, 09:30", French "2 mars 2026 09:30".
"""
