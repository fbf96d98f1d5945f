import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from rest_framework.fields import CharField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, TranslatableMixin
from wagtail.search import index

from core import seo
from core.api_fields import PageListField
from core.blocks import BodyBlock
from core.fields import SYNCHRONISED_SLUG, overridable, synchronised
from core.images import with_renditions
from core.links import follow, visible_targets
from core.pages import IndexPage, SitePage, TranslatableRow, subpage_url, webcal_url
from core.relations import all_rows, by_page, inline_rows, relation
from core.visibility import VisiblePageQuerySet, with_visibility
from editions import calendars, structured_data
from editions.choices import EditionStatus, PartnerRole, PartnerTier, SpeakerRole
from editions.feeds import EditionFeed
from editions.serializers import VenueSerializer
from news.models import NewsPage


def time_zone_choices():
    """Every IANA time zone, for a venue's local time. A callable, so that a new release of the
    time zone database needs no migration."""
    return [(name, name) for name in sorted(available_timezones())]


class Venue(TranslatableMixin, models.Model):
    """A place where an edition is held; reusable from one edition to the next."""

    name = models.CharField(_("name"), max_length=200, help_text=_("For example “Hypercube”."))
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("The campus or complex, for example “Skolkovo Innovation Center”."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    address = models.TextField(_("street address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        choices=time_zone_choices,
        help_text=_(
            "The local time at the venue, for example “Europe/Moscow”: programme times are "
            "read in it, on the page and in calendars. Leave blank for the site's time zone."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
        FieldPanel("address"),
        FieldPanel("time_zone"),
        FieldPanel("website"),
    ]

    override_translatable_fields = [
        *synchronised("country", "time_zone"),
        *overridable("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        ordering = ["name"]

    def __str__(self):
        return ", ".join(part for part in (self.name, self.place, self.city) if part)

    @property
    def locality(self):
        """The city and country as one line, for example “Skolkovo, Russia”."""
        return ", ".join(str(part) for part in (self.city, self.country.name) if part)


class EditionIndexPage(RoutablePageMixin, IndexPage):
    """The archive of every edition of the series, with its calendar and its feed."""

    subpage_types = ["editions.EditionPage"]

    class Meta:
        verbose_name = _("edition archive")

    def editions(self):
        """The visible editions of this archive, so in its language, newest first."""
        return (
            EditionPage.objects.child_of(self)
            .visible()
            .select_related("venue")
            .order_by("-start_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = list(self.editions())
        # The archive is short (one edition a year): the years on offer and the filtering come
        # from the one query that lists it. A year with no edition is reported and ignored.
        years = sorted({edition.year for edition in editions}, reverse=True)
        year_filter = forms.Form(request.GET, label_suffix="")
        year_filter.fields["year"] = forms.TypedChoiceField(
            label=_("Year"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[
                ("", _("All years")),
                *((year, year) for year in years),
            ],
            error_messages={
                "invalid_choice": _(
                    "No edition of the series took place that year, so the filter was ignored."
                )
            },
        )
        year_filter.is_valid()
        year = year_filter.cleaned_data.get("year")
        if year:
            editions = [edition for edition in editions if edition.year == year]
        today = timezone.localdate()
        headings = {
            EditionStatus.UPCOMING: _("Upcoming editions"),
            EditionStatus.ONGOING: _("Taking place now"),
            EditionStatus.PAST: _("Past editions"),
        }
        by_status = {}
        for edition in editions:
            by_status.setdefault(edition.status(today), []).append(edition)
        context.update(
            editions=editions,
            edition_groups=[
                (status, heading, by_status[status])
                for status, heading in headings.items()
                if status in by_status
            ],
            year_filter=year_filter,
            is_filtered=bool(year),
        )
        context["calendar_url"] = subpage_url(self, request, "calendar")
        context["calendar_subscribe_url"] = webcal_url(context["calendar_url"], request)
        context["feed_url"] = subpage_url(self, request, "feed")
        return context

    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        """Every visible edition in this archive's language, for calendar apps to subscribe to."""
        editions = self.editions().order_by("start_date", "pk")
        series_name = self.get_parent().title
        calendar = calendars.series_calendar(self, editions, request, name=series_name)
        return calendars.calendar_response(calendar, series_name, as_attachment=False)

    @path("feed/", name="feed")
    def feed_view(self, request):
        return EditionFeed()(request, index=self)


class EditionPageQuerySet(VisiblePageQuerySet):
    def upcoming(self, today=None):
        return self.filter(start_date__gt=today or timezone.localdate())

    def ongoing(self, today=None):
        today = today or timezone.localdate()
        return self.filter(start_date__lte=today, end_date__gte=today)

    def past(self, today=None):
        return self.filter(end_date__lt=today or timezone.localdate())

    def featured(self, today=None):
        """The edition a visitor most wants to see: the one on now, else the next, else the
        most recent."""
        today = today or timezone.localdate()
        return (
            self.ongoing(today).order_by("start_date").first()
            or self.upcoming(today).order_by("start_date").first()
            or self.past(today).order_by("-start_date").first()
        )


EditionPageManager = PageManager.from_queryset(EditionPageQuerySet)


class EditionPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        year = cleaned_data.get("year")
        parent = self.parent_page
        if year and parent is not None:
            duplicates = EditionPage.objects.child_of(parent).filter(year=year)
            if self.instance.pk:
                duplicates = duplicates.exclude(pk=self.instance.pk)
            if duplicates.exists():
                self.add_error(
                    "year",
                    _("The %(year)s edition already exists in this series.") % {"year": year},
                )
        return cleaned_data

    def is_valid(self):
        # Sessions are checked against the edition's dates here, once both the page form and
        # its inline formsets are cleaned: a session row cannot do it in its own clean(),
        # because the formset validates it before attaching it to the page.
        valid = super().is_valid()
        # An unbound form (the preview panel opened before any edit) has nothing cleaned.
        cleaned_data = getattr(self, "cleaned_data", None) or {}
        start_date = cleaned_data.get("start_date")
        end_date = cleaned_data.get("end_date")
        if not (start_date and end_date):
            return valid
        for form in self.formsets["sessions"].forms:
            cleaned = getattr(form, "cleaned_data", None) or {}
            date = cleaned.get("date")
            if date and not cleaned.get("DELETE") and not start_date <= date <= end_date:
                form.add_error("date", _("The session must take place during the edition."))
                valid = False
        return valid


class EditionPage(RoutablePageMixin, SitePage):
    """One yearly edition of the conference, with its calendar."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1900), MaxValueValidator(2999)],
        help_text=_("The year of the edition; each year has one edition in the series."),
    )
    edition_number = models.PositiveSmallIntegerField(
        _("edition number"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("1 for the first edition, 2 for the second, and so on. Optional."),
    )
    theme = models.CharField(
        _("theme"),
        max_length=255,
        blank=True,
        help_text=_(
            "The subtitle of the edition, for example “New Russian-French Cooperation "
            "Opportunities in Biotechnology Sphere”."
        ),
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(
        _("last day"), help_text=_("The same as the first day for a one-day edition.")
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editions",
        help_text=_("Choose a venue, or create one; venues are shared between editions."),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_(
            "One or two sentences: what the edition is about, shown in lists and "
            "at the top of the page."
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The context of the edition: why it matters, its background."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Where visitors register; shown only while the edition has not ended."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide picture shown at the top of the page. Optional."),
    )

    objects = EditionPageManager()
    base_form_class = EditionPageForm

    override_translatable_fields = [
        *SYNCHRONISED_SLUG,
        *synchronised("year", "edition_number", "start_date", "end_date", "hero_image"),
        *overridable("registration_url"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("theme"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("edition_number")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("lead"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel("objectives", heading=_("Key objectives"), label=_("Objective")),
        FieldPanel("registration_url"),
    ]
    programme_panels = [
        InlinePanel("sessions", heading=_("Programme"), label=_("Session")),
    ]
    people_panels = [
        InlinePanel("participations", heading=_("Speakers"), label=_("Speaker")),
        InlinePanel("quotes", heading=_("Quotes"), label=_("Quote")),
        InlinePanel("partners", heading=_("Partner organisations"), label=_("Partner")),
        InlinePanel("contacts", heading=_("Contacts"), label=_("Contact")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Edition")),
            ObjectList(programme_panels, heading=_("Programme")),
            ObjectList(people_panels, heading=_("People and partners")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("theme"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("year"),
        index.FilterField("start_date"),
    ]

    # The JSON API (api/): relations point at pages in this edition's language.
    api_fields = [
        APIField("year"),
        APIField("edition_number"),
        APIField("theme"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status", serializer=CharField(read_only=True)),
        APIField("status_label", serializer=CharField(read_only=True)),
        APIField("venue", serializer=VenueSerializer(read_only=True)),
        APIField("lead"),
        APIField("body"),
        APIField("registration_url"),
        APIField("objectives"),
        APIField("sessions"),
        APIField("participations"),
        APIField("quotes"),
        APIField("partners"),
        APIField("contacts"),
    ]

    parent_page_types = ["editions.EditionIndexPage"]
    subpage_types = []

    share_images = (seo.ShareImageSpec("hero_image", seo.HERO_IMAGE, large=True),)
    search_result_label = _("Edition")

    class Meta:
        verbose_name = _("edition")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if self.start_date and self.year and self.start_date.year != self.year:
            errors["year"] = _("The year must be the year of the first day (%(year)s).") % {
                "year": self.start_date.year
            }
        if errors:
            raise ValidationError(errors)

    def status(self, today=None):
        """Upcoming, ongoing or past, derived from the dates and today's date."""
        today = today or timezone.localdate()
        if today < self.start_date:
            return EditionStatus.UPCOMING
        if today > self.end_date:
            return EditionStatus.PAST
        return EditionStatus.ONGOING

    @property
    def status_label(self):
        return EditionStatus(self.status()).label

    @property
    def time_zone(self):
        """The time zone the programme's times are in: the venue's, else the site's."""
        if self.venue is not None and self.venue.time_zone:
            try:
                return ZoneInfo(self.venue.time_zone)
            except (ZoneInfoNotFoundError, ValueError):
                # A zone a later time zone database dropped: the page still shows.
                pass
        return timezone.get_default_timezone()

    @property
    def utc_offset(self):
        """The programme's offset from UTC on the first day, as "UTC+03:00" (or "UTC")."""
        noon = datetime.datetime.combine(self.start_date, datetime.time(12), self.time_zone)
        offset = noon.strftime("%z")
        if offset in ("+0000", "-0000"):
            return "UTC"
        return f"UTC{offset[:3]}:{offset[3:]}"

    def accepts_registrations(self, today=None):
        return bool(self.registration_url) and self.status(today) != EditionStatus.PAST

    # Related content, read alike by the page, its calendar, its JSON-LD and the API: for one
    # edition or a whole listing in a fixed number of queries whatever the number of rows, each
    # row's links leading to the visible pages in the edition's language (core.links), rows
    # about a person or an organisation whose page is not visible left out.

    @relation
    def speaker_participations(editions):
        saved_rows = EditionSpeaker.objects.select_related(
            "speaker", "speaker__photo", "organisation"
        ).prefetch_related(with_renditions("speaker__photo"))
        saved_rows = with_visibility(with_visibility(saved_rows, "speaker"), "organisation")
        rows = inline_rows(editions, "participations", saved_rows)
        return by_page(
            follow(
                follow(
                    all_rows(rows),
                    "speaker",
                    drop_hidden=True,
                    select_related=["photo"],
                    prefetch_related=[with_renditions("photo")],
                ),
                "organisation",
            ),
            rows,
        )

    @relation
    def quotes_with_speakers(editions):
        saved_rows = with_visibility(EditionQuote.objects.select_related("speaker"), "speaker")
        rows = inline_rows(editions, "quotes", saved_rows)
        return by_page(follow(all_rows(rows), "speaker", drop_hidden=True), rows)

    @relation
    def partners_with_organisations(editions):
        saved_rows = EditionPartner.objects.select_related(
            "organisation", "organisation__logo"
        ).prefetch_related(with_renditions("organisation__logo"))
        rows = inline_rows(editions, "partners", with_visibility(saved_rows, "organisation"))
        followed = follow(
            all_rows(rows),
            "organisation",
            drop_hidden=True,
            select_related=["logo"],
            prefetch_related=[with_renditions("logo")],
        )
        return by_page(followed, rows)

    @relation
    def sessions_with_speakers(editions):
        """The programme sessions in time order, each with ``speaker_pages`` (the visible
        people on stage, in the session's language) and ``starts`` and ``ends`` as datetimes
        in the edition's time zone."""
        rows = inline_rows(editions, "sessions", ProgrammeSession.objects.all())
        speaker_model = ProgrammeSession.speaker_page_model()
        ids = {pk for page_rows in rows.values() for s in page_rows for pk in s.speaker_ids()}
        speakers = speaker_model.objects.in_bulk(ids) if ids else {}
        targets = visible_targets(
            [
                (speakers[pk], session.locale_id)
                for page_rows in rows.values()
                for session in page_rows
                for pk in session.speaker_ids()
                if pk in speakers
            ]
        )
        for edition in editions:
            zone = edition.time_zone
            sessions = sorted(
                rows[edition.pk], key=lambda s: (s.date, s.start_time, s.sort_order or 0)
            )
            for session in sessions:
                session.starts = datetime.datetime.combine(session.date, session.start_time, zone)
                session.ends = datetime.datetime.combine(session.date, session.end_time, zone)
                found = (targets.get((pk, session.locale_id)) for pk in session.speaker_ids())
                session.speaker_pages = [page for page in found if page is not None]
            rows[edition.pk] = sessions
        return rows

    def programme(self):
        """The sessions grouped by day: [(day, [session, ...]), ...] (sessions_with_speakers)."""
        days = {}
        for session in self.sessions_with_speakers():
            days.setdefault(session.date, []).append(session)
        return sorted(days.items())

    def partner_groups(self):
        """The partners grouped by role, hosts and organisers first: [(role label, [row, ...]),
        ...] in the order of PartnerRole, keeping the editor's order inside each group."""
        groups = {}
        for partner in self.partners_with_organisations():
            groups.setdefault(partner.role, []).append(partner)
        ordered = [
            (label, groups.pop(value)) for value, label in PartnerRole.choices if value in groups
        ]
        # Roles no longer offered in the admin still show, after the known ones.
        ordered.extend((rows[0].get_role_display(), rows) for rows in groups.values())
        return ordered

    def news(self):
        """The visible news about this edition, in its language, newest first."""
        return (
            NewsPage.objects.visible(self.locale_id)
            .filter(edition__translation_key=self.translation_key)
            .order_by("-date", "-pk")
        )

    @classmethod
    def api_prefetch(cls, editions, fields):
        if "venue" in fields:
            prefetch_related_objects(editions, "venue")
        # The API writes the inline rows itself (Wagtail's child relation serializers): it is
        # given the rows the page shows.
        relations = {
            "objectives": None,
            "contacts": None,
            "sessions": cls.sessions_with_speakers,
            "participations": cls.speaker_participations,
            "quotes": cls.quotes_with_speakers,
            "partners": cls.partners_with_organisations,
        }
        for name, read in relations.items():
            if name not in fields:
                continue
            if read is None:
                prefetch_related_objects(editions, name)
                continue
            read.preload(editions)
            for edition in editions:
                setattr(edition, name, read.value(edition))

    def previous_and_next_editions(self):
        """{"previous": ..., "next": ...}: the visible editions of the same archive, so in the
        same language, just before and just after this one by first day (None when there is
        none), in one query."""
        siblings = EditionPage.objects.sibling_of(self, inclusive=False).visible(self.locale_id)
        earlier = siblings.filter(start_date__lt=self.start_date).order_by("-start_date")
        later = siblings.filter(start_date__gt=self.start_date).order_by("start_date")
        neighbours = {"previous": None, "next": None}
        for edition in EditionPage.objects.filter(
            models.Q(pk=models.Subquery(earlier.values("pk")[:1]))
            | models.Q(pk=models.Subquery(later.values("pk")[:1]))
        ):
            neighbours["previous" if edition.start_date < self.start_date else "next"] = edition
        return neighbours

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Loaded once for the page, its JSON-LD and the groups below, which read them again.
        for read in (
            EditionPage.speaker_participations,
            EditionPage.quotes_with_speakers,
            EditionPage.partners_with_organisations,
            EditionPage.sessions_with_speakers,
        ):
            read.preload([self])
        context.update(
            status=self.status(),
            participations=self.speaker_participations(),
            quotes=self.quotes_with_speakers(),
            partners=self.partners_with_organisations(),
            partner_groups=self.partner_groups(),
            programme_days=self.programme(),
            objectives=self.objectives.all(),
            contacts=self.contacts.all(),
            news_items=self.news(),
            calendar_url=subpage_url(self, request, "calendar"),
        )
        return context

    def structured_data(self, context, meta, home):
        return structured_data.edition_event(self, context, meta, home)

    def search_snippet(self):
        return self.lead or self.theme

    @path("calendar/", name="calendar")
    def calendar_view(self, request):
        """The edition and its programme, to add to one's calendar."""
        calendar = calendars.edition_calendar(self, request)
        return calendars.calendar_response(calendar, self.title, as_attachment=True)


class EditionObjective(TranslatableRow):
    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="objectives")
    text = models.TextField(_("objective"))

    panels = [FieldPanel("text")]
    api_fields = [APIField("text")]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("key objective")

    def __str__(self):
        return self.text


class ProgrammeSession(TranslatableRow):
    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    room = models.CharField(_("room"), max_length=100, blank=True)
    speakers = StreamField(
        [
            (
                "speaker",
                blocks.PageChooserBlock(
                    page_type="speakers.SpeakerPage",
                    label=_("Speaker"),
                    icon="user",
                ),
            )
        ],
        verbose_name=_("speakers"),
        blank=True,
        help_text=_("The people on stage for this session, in order."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("room"),
        FieldPanel("description"),
        FieldPanel("speakers"),
    ]

    override_translatable_fields = synchronised("date", "start_time", "end_time")

    api_fields = [
        APIField("date"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("title"),
        APIField("room"),
        APIField("description"),
        APIField("speakers", serializer=PageListField(source="speaker_pages")),
    ]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("programme session")

    def __str__(self):
        return self.title

    def translation_context(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("A session must end after it starts.")})

    @classmethod
    def speaker_page_model(cls):
        """The page type a session's speakers are chosen among (the speakers app's)."""
        return cls._meta.get_field("speakers").stream_block.child_blocks["speaker"].target_model

    def speaker_ids(self):
        return [
            block["value"]
            for block in self.speakers.raw_data
            if block["type"] == "speaker" and block["value"]
        ]


class EditionSpeaker(TranslatableRow):
    """A person's part in one edition, with the position they held at the time."""

    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="participations")
    speaker = models.ForeignKey(
        "speakers.SpeakerPage",
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER
    )
    position = models.CharField(
        _("position at the time"),
        max_length=255,
        blank=True,
        help_text=_("Their job title at this edition, which may differ from today's."),
    )
    organisation = models.ForeignKey(
        "partners.OrganisationPage",
        verbose_name=_("organisation at the time"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="affiliated_participations",
    )

    panels = [
        FieldPanel("speaker"),
        FieldPanel("role"),
        FieldPanel("position"),
        FieldPanel("organisation"),
    ]

    override_translatable_fields = synchronised("speaker", "role", "organisation")

    api_fields = [
        APIField("speaker"),
        APIField("role"),
        APIField("role_display", serializer=CharField(source="get_role_display", read_only=True)),
        APIField("position"),
        APIField("organisation"),
    ]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("speaker participation")

    def __str__(self):
        return f"{self.speaker} ({self.get_role_display()})"

    def translation_context(self):
        return str(self.speaker)


class EditionQuote(index.Indexed, TranslatableRow):
    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        "speakers.SpeakerPage",
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="quotes",
    )
    text = models.TextField(_("quotation"), help_text=_("The words, without quotation marks."))
    context = models.CharField(
        _("context"),
        max_length=255,
        blank=True,
        help_text=_("Where it was said, for example “Press release, 23 September 2016”."),
    )

    panels = [FieldPanel("speaker"), FieldPanel("text"), FieldPanel("context")]
    override_translatable_fields = synchronised("speaker")
    api_fields = [APIField("text"), APIField("context"), APIField("speaker")]

    # Quotes are found by the site search (search/views.py), which keeps to those of visible
    # editions in the visitor's language, by visible speakers: hence the filters.
    search_fields = [
        index.SearchField("text"),
        index.SearchField("context"),
        index.FilterField("page"),
        index.FilterField("speaker"),
    ]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("quote")

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    def translation_context(self):
        return str(self.speaker)


class EditionPartner(TranslatableRow):
    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "partners.OrganisationPage",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="partnerships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )
    tier = models.CharField(
        _("tier"),
        max_length=20,
        choices=PartnerTier.choices,
        blank=True,
        help_text=_("For sponsors with levels. Leave blank otherwise."),
    )

    panels = [FieldPanel("organisation"), FieldRowPanel([FieldPanel("role"), FieldPanel("tier")])]
    override_translatable_fields = synchronised("organisation", "role", "tier")
    api_fields = [
        APIField("organisation"),
        APIField("role"),
        APIField("role_display", serializer=CharField(source="get_role_display", read_only=True)),
        APIField("tier"),
        APIField("tier_display", serializer=CharField(source="get_tier_display", read_only=True)),
    ]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("partner organisation")

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    def translation_context(self):
        return str(self.organisation)


phone_validator = RegexValidator(
    r"^\+?[0-9 ()./-]{3,30}$",
    _("Enter a phone number with digits, spaces and + ( ) - . / only."),
)
extension_validator = RegexValidator(r"^[0-9]{1,8}$", _("Enter the extension in digits only."))


class EditionContact(TranslatableRow):
    page = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="contacts")
    # A person's name: "имя" in Russian, where the name of a thing is "название".
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("What to contact them about, for example “Press” or “Additional information”."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_validator])
    extension = models.CharField(
        _("extension"), max_length=8, blank=True, validators=[extension_validator]
    )
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("extension"), FieldPanel("email")]),
    ]
    override_translatable_fields = synchronised("phone", "extension", "email")
    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("phone"),
        APIField("extension"),
        APIField("email"),
    ]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("contact")

    def __str__(self):
        return self.name

    def translation_context(self):
        return self.name
