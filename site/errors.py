"""The page a visitor gets when the site fails: never Django's bare 500, never a hang.

When the database cannot be reached (stopped, restarting, out of connections, locked), the
failure is temporary: the visitor gets a short page in their language with 503 and
Retry-After, which crawlers and monitors read as "come back shortly", and the next request
opens a new connection (``CONN_HEALTH_CHECKS``), so the site recovers as soon as the database
is back. Any other failure is a 500. Both pages render without the database, the request's
context or static files.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


def database_unavailable(error):
    return isinstance(error, OperationalError | InterfaceError)


@requires_csrf_token
def server_error(request):
    """``handler500``: Django calls it for any exception a view or middleware let through."""
    error = sys.exc_info()[1]
    language = translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request)
    with translation.override(language):
        if database_unavailable(error):
            logger.warning("Database unavailable, answered 503: %s", error)
            response = HttpResponse(loader.get_template("503.html").render(), status=503)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        else:
            response = HttpResponseServerError(loader.get_template("500.html").render())
    # Neither may be kept by a cache in front: the next request may well succeed.
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response
