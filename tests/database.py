"""The test database, built once and copied into each test process.

Migrating an empty SQLite database takes Django and Wagtail about fifteen seconds, and every
pytest-xdist worker used to pay it on every run. The migrated database is kept as a file in
``.pytest_cache``, named after everything that shapes it (the project's migrations and the
versions of the installed packages), and each worker copies it into its in-memory test database
with SQLite's backup API in a few milliseconds. Any change to a migration or a package names a
new file, so a stale schema is never reused. PostgreSQL (``DATABASE_URL``) is set up as usual.
"""

import hashlib
import os
import sqlite3
import tempfile
from contextlib import closing, contextmanager
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.test.utils import setup_databases, teardown_databases
from wagtail.models import Page, Site

TEMPLATES_DIR = Path(settings.BASE_DIR) / ".pytest_cache" / "test-databases"


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
def test_databases(verbosity=0):
    """The test databases for the session, ready to use: migrated, with the welcome page
    removed. Torn down on exit."""
    connection = connections["default"]
    if not uses_in_memory_sqlite(connection):
        config = setup_databases(verbosity=verbosity, interactive=False)
        remove_wagtails_welcome_page()
        yield
        teardown_databases(config, verbosity=verbosity)
        return

    template = TEMPLATES_DIR / f"migrated-{schema_fingerprint()}.sqlite3"
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    if template.exists():
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = test_name
        connection.settings_dict["NAME"] = test_name
        connection.ensure_connection()
        with closing(sqlite3.connect(template)) as source:
            source.backup(connection.connection)
    else:
        setup_databases(verbosity=verbosity, interactive=False)
        remove_wagtails_welcome_page()
        save_template(connection, template)
    yield
    connection.creation.destroy_test_db(old_name, verbosity=verbosity)


def save_template(connection, template):
    """Write the database to ``template`` atomically: two workers may build it at once."""
    template.parent.mkdir(parents=True, exist_ok=True)
    for stale in template.parent.glob("migrated-*.sqlite3"):
        stale.unlink(missing_ok=True)
    handle, partial = tempfile.mkstemp(dir=template.parent, suffix=".partial")
    os.close(handle)
    try:
        connection.ensure_connection()
        with closing(sqlite3.connect(partial)) as target:
            connection.connection.backup(target)
        os.replace(partial, template)
    finally:
        Path(partial).unlink(missing_ok=True)
