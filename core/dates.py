"""Dates as readers of each language write them: "19-21 October 2016" (with an en dash)."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format

# An en dash joins the two ends of a range: tight between two day numbers ("19-21 October"),
# spaced once either end has more than one word ("30 September - 2 October").
TIGHT_DASH = "\u2013"
SPACED_DASH = " \u2013 "


def date_range_parts(start, end=None):
    """The labels of the first and last day, each as short as the pair allows.

    Returns (start_label, dash, end_label); dash and end_label are None for a single day.
    It relies on the day coming before the month, which holds for the site's languages
    (see conference_site/formats/).
    """
    if end is None or end == start:
        return date_format(start, "DATE_FORMAT"), None, None
    end_label = date_format(end, "DATE_FORMAT")
    if start.year != end.year:
        return date_format(start, "DATE_FORMAT"), SPACED_DASH, end_label
    if start.month != end.month:
        return date_format(start, "MONTH_DAY_FORMAT"), SPACED_DASH, end_label
    return date_format(start, "j"), TIGHT_DASH, end_label


def format_date_range(start, end=None):
    """A date range as plain text, for example "19-21 October 2016" (with an en dash)."""
    start_label, dash, end_label = date_range_parts(start, end)
    if dash is None:
        return start_label
    return f"{start_label}{dash}{end_label}"


def start_of_day(date):
    """Midnight at the start of ``date`` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))
