# The workspace's compact English dates; the formats not named here are Django's en_GB ones
# (DATE_FORMAT "j M Y": 2 Mar 2026). French uses Django's fr formats unchanged (2 mars 2026 09:30).
DATETIME_FORMAT = "j M Y, H:i"  # 2 Mar 2026, 09:30
SHORT_DATETIME_FORMAT = "j M, H:i"  # 2 Mar, 09:30
MONTH_DAY_FORMAT = "j M"  # 2 Mar
YEAR_MONTH_FORMAT = "M Y"  # Mar 2026
