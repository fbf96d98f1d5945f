"""The test database, built once and copied into each test process; the demo likewise.

Migrating an empty SQLite database takes Django and Wagtail about fifteen seconds, and every
pytest-xdist worker used to pay it on every run. The migrated database is kept as a file in
``.pytest_cache``, named after everything that shapes it (the project's migrations and the
versions of the installed packages), and each worker copies it into its in-memory test database
with SQLite's backup API in a few milliseconds. Any change to a migration or a package names a
new file, so a stale schema is never reused.

The demo (``load_demo``, four seconds) is kept the same way, named after the schema and every
source file of the project (the loader and the models it saves through), and copied in for each
module that reads it; the plain database is copied back when the module ends.

PostgreSQL (``DATABASE_URL``) is set up as usual, and its demo loaded in a transaction rolled
back after each module.
"""

import hashlib
import os
import sqlite3
import tempfile
from contextlib import closing, contextmanager
from importlib import metadata
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.test.utils import setup_databases, teardown_databases
from django.utils import translation
from wagtail.models import Page, Site

TEMPLATES_DIR = Path(settings.BASE_DIR) / ".pytest_cache" / "test-databases"
# Where the session's plain migrated database was kept, when SQLite runs in memory.
_session_template = None


def schema_fingerprint():
    """A digest of what the migrated database depends on: every migration file of the project,
    the installed packages and their versions (theirs ship migrations too), and this file."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for migration in sorted(base.glob("*/migrations/*.py")):
        digest.update(str(migration.relative_to(base)).encode())
        digest.update(migration.read_bytes())
    for distribution in sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions()
    ):
        digest.update(distribution.encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def project_fingerprint():
    """A digest of everything ``load_demo``'s result depends on besides the schema: every
    file of the project outside the tests (code, demo content, PO files, templates)."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    skipped = {"tests", "media", "static", "node_modules", "build", "__pycache__"}
    for folder, subfolders, files in os.walk(base):
        # Hidden folders and files (.venv, .git, .prod, coverage data) change as tests run.
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name not in skipped and not name.startswith(".") and not name.endswith(".egg-info")
        )
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix in {".sqlite3", ".mo", ".pyc", ".log"}:
                continue
            path = Path(folder) / name
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def remove_wagtails_welcome_page():
    """Wagtail's migrations create a placeholder "Welcome" page as the default site's root;
    every test site replaces it with a home page of the series, as ``load_demo`` does. Removing
    it once here saves each test a cascade delete through every model related to pages."""
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = Page.get_first_root_node()
    site.save()
    if welcome.depth > 1:
        welcome.delete()


def uses_in_memory_sqlite(connection):
    if connection.vendor != "sqlite":
        return False
    test_name = connection.settings_dict.get("TEST", {}).get("NAME")
    return not test_name or connection.creation.is_in_memory_db(test_name)


@contextmanager
def test_databases(verbosity=0, keepdb=False):
    """The test databases for the session, ready to use: migrated, with the welcome page
    removed. Torn down on exit."""
    connection = connections["default"]
    if not uses_in_memory_sqlite(connection):
        config = setup_databases(verbosity=verbosity, interactive=False, keepdb=keepdb)
        remove_wagtails_welcome_page()
        yield
        if not keepdb:
            teardown_databases(config, verbosity=verbosity)
        return

    global _session_template
    template = TEMPLATES_DIR / f"migrated-{schema_fingerprint()}.sqlite3"
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    if template.exists():
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = test_name
        connection.settings_dict["NAME"] = test_name
        restore(connection, template)
    else:
        setup_databases(verbosity=verbosity, interactive=False)
        remove_wagtails_welcome_page()
        save_template(connection, template, stale="migrated-*")
    _session_template = template
    yield
    _session_template = None
    connection.creation.destroy_test_db(old_name, verbosity=verbosity)


def load_demo():
    out = StringIO()
    # In English whatever the test before left active (a request to /fr/ leaves French active
    # in the thread: LocaleMiddleware activates, nothing deactivates).
    with translation.override("en"):
        call_command("load_demo", stdout=out)
    return out.getvalue()


@contextmanager
def demo_loaded():
    """The demo in the database until the block ends; the value is the loader's output."""
    connection = connections["default"]
    # Wagtail caches the site's root paths: those of the module before must not be read
    # against the demo's pages, nor the demo's outlive them.
    cache.clear()
    if _session_template is None:
        with transaction.atomic():
            yield load_demo()
            transaction.set_rollback(True)
    else:
        template = TEMPLATES_DIR / (
            f"demo-{_session_template.stem.removeprefix('migrated-')}-{project_fingerprint()}"
            ".sqlite3"
        )
        output = template.with_suffix(".txt")
        if template.exists() and output.exists():
            restore(connection, template)
        else:
            output_text = load_demo()
            save_template(connection, template, stale="demo-*")
            output.write_text(output_text)
        try:
            yield output.read_text()
        finally:
            restore(connection, _session_template)
    # Wagtail caches the site's root paths; they must not outlive the demo's pages.
    cache.clear()


def restore(connection, template):
    """Replace the whole content of the (in-memory) test database by the file's."""
    connection.ensure_connection()
    with closing(sqlite3.connect(template)) as source:
        source.backup(connection.connection)


def save_template(connection, template, stale):
    """Write the database to ``template`` atomically: two workers may build it at once."""
    template.parent.mkdir(parents=True, exist_ok=True)
    for old in template.parent.glob(f"{stale}.sqlite3"):
        if old != template:
            old.unlink(missing_ok=True)
            old.with_suffix(".txt").unlink(missing_ok=True)
    handle, partial = tempfile.mkstemp(dir=template.parent, suffix=".partial")
    os.close(handle)
    try:
        connection.ensure_connection()
        with closing(sqlite3.connect(partial)) as target:
            connection.connection.backup(target)
        os.replace(partial, template)
    finally:
        Path(partial).unlink(missing_ok=True)
