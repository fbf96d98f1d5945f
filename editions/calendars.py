"""The series in iCalendar format (RFC 5545), for calendar apps.

An edition's calendar holds the edition as an all-day event and one event per programme
session; the series calendar holds every visible edition of an archive, for subscribing to. Both
are written in the language of the pages they are made from.

UIDs are built from translation keys, which survive retitling, moving and republishing, so
that a calendar app updates an event it already has instead of adding a copy. The language is
part of them: the Russian and the French event are different texts, and a reader may subscribe
to both calendars.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration
from wagtail.models import Site

from core.pages import absolute_url

# Names the software that wrote the file (RFC 5545, 3.7.3), not the series or its language.
PRODUCT_ID = "-//Conference series CMS//Wagtail//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often a subscribed calendar app should look for changes: the archive changes rarely.
REFRESH_INTERVAL = datetime.timedelta(days=1)


def uid_host(request):
    site = Site.find_for_request(request)
    return site.hostname if site is not None else request.get_host()


def venue_location(venue):
    """The venue as one line: name, place, street address, city and country."""
    if venue is None:
        return ""
    address = ", ".join(line.strip() for line in venue.address.splitlines() if line.strip())
    parts = (venue.name, venue.place, address, venue.locality)
    return ", ".join(part for part in parts if part)


def revised_at(page):
    """When the page's content last changed: what DTSTAMP means in a calendar without a
    METHOD (RFC 5545, 3.8.7.2), and stable from one download to the next."""
    return page.last_published_at or page.first_published_at or timezone.now()


def new_calendar(name, *, description="", url="", time_zone=None):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # NAME and DESCRIPTION are the standard (RFC 7986); the X-WR- ones are what Apple,
    # Google and Microsoft calendars read.
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    if url:
        calendar.add("url", url)
    calendar.add("x-wr-timezone", str(time_zone or timezone.get_default_timezone()))
    return calendar


def edition_event(edition, *, language, url, host):
    """The edition as an all-day event; DTEND is exclusive, so it is the day after the last."""
    event = Event()
    event.add("uid", f"{edition.translation_key}.{language}@{host}")
    event.add("dtstamp", revised_at(edition))
    if edition.last_published_at:
        event.add("last-modified", edition.last_published_at)
    event.add("dtstart", edition.start_date)
    event.add("dtend", edition.end_date + datetime.timedelta(days=1))
    event.add("summary", edition.title)
    description = "\n\n".join(text for text in (edition.theme, edition.lead) if text)
    if description:
        event.add("description", description)
    location = venue_location(edition.venue)
    if location:
        event.add("location", location)
    event.add("url", url)
    # The sessions are what fills the reader's days; the edition only frames them.
    event.add("transp", "TRANSPARENT")
    return event


def session_event(session, edition, *, language, url, location, host):
    """A programme session, at its times in the edition's time zone
    (EditionPage.sessions_with_speakers)."""
    event = Event()
    event.add("uid", f"{edition.translation_key}.{language}.{session.translation_key}@{host}")
    event.add("dtstamp", revised_at(edition))
    event.add("dtstart", session.starts)
    event.add("dtend", session.ends)
    event.add("summary", session.title)
    speaker_names = ", ".join(speaker.title for speaker in session.speaker_pages)
    speakers = _("Speakers: %(names)s") % {"names": speaker_names} if speaker_names else ""
    description = "\n\n".join(text for text in (session.description, speakers) if text)
    if description:
        event.add("description", description)
    room = _("Room: %(room)s") % {"room": session.room} if session.room else ""
    location = ", ".join(part for part in (room, location) if part)
    if location:
        event.add("location", location)
    event.add("url", f"{url}#programme")
    return event


def edition_calendar(edition, request):
    """The edition and its programme sessions, in the edition's language."""
    language = edition.locale.language_code
    host = uid_host(request)
    url = absolute_url(edition, request)
    calendar = new_calendar(
        edition.title, description=edition.lead, url=url, time_zone=edition.time_zone
    )
    calendar.add_component(edition_event(edition, language=language, url=url, host=host))
    location = venue_location(edition.venue)
    sessions = edition.sessions_with_speakers()
    for session in sessions:
        calendar.add_component(
            session_event(
                session, edition, language=language, url=url, location=location, host=host
            )
        )
    if sessions:
        # Each TZID needs its VTIMEZONE; the years of the sessions are enough to describe it.
        years = [session.date.year for session in sessions]
        calendar.add_missing_timezones(
            first_date=datetime.date(min(years), 1, 1),
            last_date=datetime.date(max(years) + 1, 1, 1),
        )
    return calendar


def series_calendar(index, editions, request, *, name):
    """Every edition in ``editions`` (visible pages under ``index``, the edition archive in one
    language) as an all-day event: the calendar to subscribe to."""
    language = index.locale.language_code
    host = uid_host(request)
    calendar = new_calendar(name, description=index.intro, url=absolute_url(index, request))
    calendar.add("refresh-interval", vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    for edition in editions:
        calendar.add_component(
            edition_event(edition, language=language, url=absolute_url(edition, request), host=host)
        )
    return calendar


def calendar_response(calendar, name, *, as_attachment):
    """The calendar as a ``.ics`` file called after ``name``: an attachment to add to one's
    calendar, or inline for calendar apps that subscribe to it."""
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    filename = f"{slugify(name, allow_unicode=True) or 'calendar'}.ics"
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response
