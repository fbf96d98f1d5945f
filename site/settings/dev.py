from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
# Development only: production refuses to start without its own SECRET_KEY.
SECRET_KEY = "dev-only-insecure-key-not-for-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
