"""Secure headers (site/settings/base.py, site/middleware.py): a strict Content-Security-Policy on
the public site that its pages keep to, the admin's own policy, Permissions-Policy and COOP, and
production settings that `check --deploy` finds nothing to say about."""

import base64
import hashlib
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from tests.test_settings import PRODUCTION_ENV

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/en/",
    "/en/editions/",
    "/en/editions/2016/",
    "/en/speakers/",
    "/en/speakers/kirill-kaem/",
    "/en/partners/",
    "/en/news/",
    "/en/quotes/",
    "/ru/editions/2016/",
    "/fr/search/?q=Skolkovo",
]


def directives(header):
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, demo):
    policy = directives(client.get("/en/")["Content-Security-Policy"])

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"][0] == "'self'" and "'unsafe-inline'" not in policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_keep_to_the_policy(client, demo, url):
    response = client.get(url)
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 200
    inline_scripts = [
        script
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") != "application/ld+json"
    ]
    assert inline_scripts == []
    assert soup.find_all("style") == []
    assert soup.select("[style]") == []
    assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)]


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_the_error_page_style_is_allowed_by_its_hash(client, db, template):
    page = BeautifulSoup(render_to_string(template), "html.parser")
    digest = hashlib.sha256(page.style.string.encode()).digest()

    policy = directives(client.get("/robots.txt")["Content-Security-Policy"])

    assert f"'sha256-{base64.b64encode(digest).decode()}'" in policy["style-src"]


def test_the_admin_has_a_policy_of_its_own(admin_client):
    policy = directives(admin_client.get("/admin/")["Content-Security-Policy"])

    assert policy["default-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


def test_browser_features_and_window_sharing_are_off(client, db):
    response = client.get("/robots.txt")

    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_settings_pass_the_deployment_checks_with_hsts_on():
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    env.update(PRODUCTION_ENV, SECRET_KEY="a-long-random-production-secret-" + "k3Yq9" * 8)
    checked = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    hsts = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "System check identified no issues" in checked.stdout
    assert hsts.stdout.split() == ["31536000", "True", "True"]
