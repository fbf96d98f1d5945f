"""What wagtail-localize translates and what it keeps in step with the source, per field.

Text is translated. Dates, years, e-mails, phone numbers, images, choice values and links to
other pages are synchronised: a translation always shows the source's value and a translator
cannot change it. Web addresses are synchronised too, but a translator may point one at the
page's own language version (a partner's French site, say): wagtail-localize calls that
"overridable".

Slugs are synchronised, so a page has the same readable, Latin-alphabet URL in every language
and only the language prefix changes (/en/editions/2016/, /fr/editions/2016/): links shared in
one language keep working in another, and renaming a translation never breaks a URL. Home pages
are the exception: they are siblings under the tree root, where slugs must differ, and their
slug never appears in a URL.
"""

from wagtail_localize.fields import SynchronizedField


def synchronised(*field_names):
    """Fields that always follow the source and that a translator cannot override."""
    return [SynchronizedField(name, overridable=False) for name in field_names]


def overridable(*field_names):
    """Fields that follow the source unless a translator overrides them."""
    return [SynchronizedField(name, overridable=True) for name in field_names]


SYNCHRONISED_SLUG = synchronised("slug")
