"""Production settings fail fast, with a message naming what is missing."""

import os
import subprocess
import sys

import pytest

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "conference_site.settings.production",
    "SECRET_KEY": "a-long-random-production-secret",
    "ALLOWED_HOSTS": "conference.example.org",
    "DATABASE_URL": "postgres://user@db.example.org:5432/conference",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def load_production_settings(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    env.update(PRODUCTION_ENV)
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.CACHES['default']['BACKEND'], "
        "settings.DATABASES['default']['ENGINE'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_production_settings_load_when_everything_is_set():
    result = load_production_settings()

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "django_redis.cache.RedisCache",
        "django.db.backends.postgresql",
    ]


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_a_required_variable(variable):
    result = load_production_settings(**{variable: None})

    assert result.returncode != 0
    assert f"The environment variable {variable} is required in production" in result.stderr


def load_dev_settings(**environment):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="conference_site.settings.dev", **environment)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "database = settings.DATABASES['default']; "
        "print(database['ENGINE'], database['NAME'], database.get('HOST') or '-', "
        "settings.BASE_DIR)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_without_database_url_the_database_is_a_sqlite_file_in_the_project():
    engine, name, host, base_dir = load_dev_settings()

    assert engine == "django.db.backends.sqlite3"
    assert name == f"{base_dir}/db.sqlite3"
    assert host == "-"


def test_database_url_chooses_the_database():
    engine, name, host, _base_dir = load_dev_settings(
        DATABASE_URL="postgres://someone@db.example.org:5432/conference"
    )

    assert (engine, name, host) == ("django.db.backends.postgresql", "conference", "db.example.org")
