"""`zoned`: format a datetime in the zone it carries (the region's WIB/WITA/WIT), not the server's.

Django's `date` filter first converts aware datetimes to the current time zone (Asia/Jakarta), so a time the view
put in WITA would be printed as WIB clock time beside a "WITA" label. Views convert to the region's zone; templates
print with `{{ moment|zoned:"d-m-Y H:i" }} {{ zone }}`.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import dateformat

register = template.Library()


@register.filter(expects_localtime=False)
def zoned(value: dt.datetime | None, fmt: str = "d-m-Y H:i") -> str:
    if not isinstance(value, dt.datetime):
        return ""
    return dateformat.format(value, fmt)
