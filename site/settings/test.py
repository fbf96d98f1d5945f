from localisation.translator_settings import PSEUDO_TRANSLATOR, glossary_aware

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".pytest_cache" / "media"
# Large enough never to cull: an edition page with 20 photos and logos caches hundreds of
# renditions, and culling would evict Wagtail's cached site root paths at random, making the
# pinned query counts flaky.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests log in with client.login(), which gives django-axes no request; the throttling tests
# switch it on (tests/test_login_throttling.py).
AXES_ENABLED = False

# Machine translation offline and deterministic, whatever the developer's environment holds.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = glossary_aware(PSEUDO_TRANSLATOR)
