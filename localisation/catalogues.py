"""The interface translations (gettext catalogues), compiled in Python.

The ``.po`` files are the source, kept in git; the ``.mo`` files Django reads are built from
them on each machine. A fresh machine has Python and make but not GNU gettext, so
``compilemessages`` (which calls ``msgfmt``) is not available there: polib, already installed
for wagtail-localize, writes the same binary format.

Updating the catalogues after changing interface strings does need gettext's tools (a
translator's machine, not a server)::

    python manage.py makemessages -l ru -l fr --ignore='.venv/*' --ignore='tests/*' \\
        --no-obsolete --add-location=file

``--add-location=file`` keeps the file names, so a translator sees where a string is used,
without the line numbers that would change the catalogues whenever code moves.
"""

import os
import sys
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings

DOMAIN = "django"

# The options of the makemessages command above (with the languages), for code that runs it:
# the test that the committed catalogues hold exactly the strings of the code.
MAKEMESSAGES_OPTIONS = {
    "ignore_patterns": [".venv/*", "tests/*"],
    "no_obsolete": True,
    "add_location": "file",
}


def locale_directories():
    """``settings.LOCALE_PATHS``, then the ``locale`` directory of each of the project's own
    apps that has one (installed packages ship their catalogues compiled)."""
    directories = [Path(path).resolve() for path in settings.LOCALE_PATHS]
    project = Path(settings.BASE_DIR).resolve()
    environment = Path(sys.prefix).resolve()
    for app_config in apps.get_app_configs():
        app_path = Path(app_config.path).resolve()
        locale = app_path / "locale"
        # conference_site's own locale directory is also LOCALE_PATHS' first entry.
        if (
            app_path.is_relative_to(project)
            and not app_path.is_relative_to(environment)
            and locale.is_dir()
            and locale not in directories
        ):
            directories.append(locale)
    return directories


def catalogues():
    """Every ``django.po`` under the locale directories, in a stable order."""
    return sorted(
        po_path
        for directory in locale_directories()
        for po_path in Path(directory).glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    )


def is_stale(po_path, mo_path):
    return not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime


def compile_catalogue(po_path, mo_path):
    # Written beside the target and renamed over it, so that a process reading the catalogue
    # at that moment (a second test worker, a running server) never sees half a file.
    partial = mo_path.with_name(f".{mo_path.name}.{os.getpid()}.tmp")
    try:
        # Like msgfmt, polib leaves fuzzy and untranslated entries out of the .mo.
        polib.pofile(str(po_path)).save_as_mofile(str(partial))
        partial.replace(mo_path)
    finally:
        partial.unlink(missing_ok=True)


def compile_catalogues(stdout=None):
    """Write the ``.mo`` next to each ``.po`` that has none or a newer ``.po``; return the
    paths written. ``stdout`` (a file-like object), if given, gets one line per file."""
    written = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        if not is_stale(po_path, mo_path):
            continue
        compile_catalogue(po_path, mo_path)
        written.append(mo_path)
        if stdout is not None:
            stdout.write(f"Compiled {display_path(mo_path)}\n")
    return written


def display_path(path):
    try:
        return str(path.relative_to(Path(settings.BASE_DIR)))
    except ValueError:
        return str(path)
