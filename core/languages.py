from django.conf import settings


def language_order(code):
    """A sort key putting language codes in the order of settings.LANGUAGES (unknown last)."""
    codes = [known for known, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)
