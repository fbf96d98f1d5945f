"""Serializer fields for the models' ``api_fields``: how editions, speakers, organisations and
news read in the JSON API (``conference_site.api``).

The models import this module, so it imports no model and nothing that needs the app registry
at import time (``wagtail.api.v2`` does: it loads the Page model); models and Wagtail's API
serialisers are imported where they are used.

Related pages are written the way Wagtail's API nests a page (``id``, ``meta`` with ``type``,
``detail_url`` and ``html_url``, ``title``), in the language of the page being read when it has
a live translation (``localisation.links``). Relations to pages that are not live are left out.
"""

from collections import defaultdict

from django.db.models import F
from rest_framework import serializers
from rest_framework.fields import Field

from localisation.links import live_translations


def nested_page(page, context):
    """``page`` as Wagtail's API nests a related page, with the fields its endpoint nests."""
    from wagtail.api.v2.views import PagesAPIViewSet

    router = context["router"]
    page_serializers = context.setdefault("nested_page_serializers", {})
    model = type(page)
    if model not in page_serializers:
        endpoint = router.get_model_endpoint(model)
        endpoint_class = endpoint[1] if endpoint else PagesAPIViewSet
        page_serializers[model] = endpoint_class._get_serializer_class(
            router, model, [], nested=True
        )
    return page_serializers[model](context=context).to_representation(page)


class PageLinkField(Field):
    """A related page, nested as Wagtail's API nests pages; null when there is none."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        return nested_page(page, self.context)


class CountryDetailsField(Field):
    """A django-countries value as ``{"code": "RU", "name": "Russia"}`` (the name in the
    language being spoken), null when blank."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, country):
        if not country:
            return None
        return {"code": country.code, "name": str(country.name)}


class VenueSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    place = serializers.CharField(read_only=True)
    city = serializers.CharField(read_only=True)
    country = CountryDetailsField()
    address = serializers.CharField(read_only=True)
    time_zone = serializers.CharField(read_only=True)
    website = serializers.CharField(read_only=True)


class TopicsField(Field):
    """A news item's topics: ``[{"id": 3, "name": "Technology & innovation"}]``."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, topic_links):
        return [{"id": link.topic.id, "name": link.topic.name} for link in topic_links.all()]


class SessionSpeakersField(Field):
    """The people on stage for a programme session, as nested pages in the session's language.

    The edition endpoint attaches them to every session of a page of results at once
    (``session.speaker_pages``, as ``EditionPage.programme()`` does for the HTML page); a
    session read on its own looks its speakers up itself.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, session):
        pages = getattr(session, "speaker_pages", None)
        if pages is None:
            attach_session_speakers([session])
            pages = session.speaker_pages
        return [nested_page(page, self.context) for page in pages]


def session_speaker_ids(session):
    return [
        block["value"]
        for block in session.speakers.raw_data
        if block["type"] == "speaker" and block["value"]
    ]


def attach_session_speakers(sessions):
    """Set ``session.speaker_pages`` on every session: its live speakers, each in the
    session's language when translated. Two queries whatever the number of sessions (plus
    one per further language)."""
    from speakers.models import SpeakerPage

    ids = {pk for session in sessions for pk in session_speaker_ids(session)}
    speakers = SpeakerPage.objects.live().in_bulk(ids) if ids else {}
    translations = {
        locale_id: live_translations(speakers.values(), locale_id)
        for locale_id in {session.locale_id for session in sessions}
    }
    for session in sessions:
        in_language = translations[session.locale_id]
        session.speaker_pages = [
            in_language.get(speakers[pk].translation_key, speakers[pk])
            for pk in session_speaker_ids(session)
            if pk in speakers
        ]


class BatchedHistoryField(Field):
    """A page's history across editions (``editions`` of a speaker or an organisation).

    The rows are fetched on first use for every page of the response at once (the endpoint
    lists them in the serializer context as ``objects``), so a listing costs the same number of
    queries whatever its length. ``load(pages)`` returns ``{page pk: rows}``.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def load(self, pages):
        raise NotImplementedError

    def represent(self, row):
        raise NotImplementedError

    def to_representation(self, page):
        loaded = self.context.setdefault("histories", {}).setdefault(type(self), {})
        if page.pk not in loaded:
            batch = [p for p in self.context.get("objects", ()) if type(p) is type(page)]
            if page not in batch:
                batch = [page]
            loaded.update(self.load(batch))
        return [self.represent(row) for row in loaded[page.pk]]


def history_rows(rows, pages):
    """Group rows (EditionSpeaker or EditionPartner, annotated with the translation key of
    their speaker or organisation as ``key``) under each page of the same person or
    organisation in the edition's language."""
    by_key_and_locale = defaultdict(list)
    for row in rows:
        by_key_and_locale[row.key, row.page.locale_id].append(row)
    return {page.pk: by_key_and_locale[page.translation_key, page.locale_id] for page in pages}


class EditionsTakenPartField(BatchedHistoryField):
    """Every live edition a person took part in, newest first: the edition, their role and
    the position and organisation they had then (``SpeakerPage.editions_taken_part``)."""

    def load(self, pages):
        from editions.models import EditionSpeaker

        rows = list(
            EditionSpeaker.objects.filter(
                speaker__translation_key__in={page.translation_key for page in pages},
                page__live=True,
                page__locale_id__in={page.locale_id for page in pages},
            )
            .annotate(key=F("speaker__translation_key"))
            .select_related("page", "organisation")
            .order_by("-page__start_date", "sort_order")
        )
        for locale_id in {page.locale_id for page in pages}:
            follow_live_language(
                [row for row in rows if row.page.locale_id == locale_id],
                "organisation",
                locale_id,
            )
        return history_rows(rows, pages)

    def represent(self, row):
        return {
            "edition": nested_page(row.page, self.context),
            "role": row.role,
            "role_display": str(row.get_role_display()),
            "position": row.position,
            "organisation": row.organisation and nested_page(row.organisation, self.context),
        }


class EditionsPartneredField(BatchedHistoryField):
    """An organisation's role at every live edition, newest first
    (``OrganisationPage.editions_partnered``)."""

    def load(self, pages):
        from editions.models import EditionPartner

        rows = (
            EditionPartner.objects.filter(
                organisation__translation_key__in={page.translation_key for page in pages},
                page__live=True,
                page__locale_id__in={page.locale_id for page in pages},
            )
            .annotate(key=F("organisation__translation_key"))
            .select_related("page")
            .order_by("-page__start_date", "sort_order")
        )
        return history_rows(rows, pages)

    def represent(self, row):
        return {
            "edition": nested_page(row.page, self.context),
            "role": row.role,
            "role_display": str(row.get_role_display()),
            "tier": row.tier,
            "tier_display": str(row.get_tier_display()) if row.tier else "",
        }


def follow_live_language(rows, field_name, locale_id):
    """Point ``row.<field_name>`` at the related page's live translation in the locale (see
    ``localisation.links.follow_language``), or at nothing when the related page is not live.
    Returns the rows."""
    translations = live_translations([getattr(row, field_name) for row in rows], locale_id)
    for row in rows:
        target = getattr(row, field_name)
        if target is None:
            continue
        if not target.live:
            setattr(row, field_name, None)
        elif target.translation_key in translations:
            setattr(row, field_name, translations[target.translation_key])
    return rows
