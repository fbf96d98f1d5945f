"""Passwords cannot be guessed at speed (django-axes): the admin login and page passwords lock
an account for an address after a few failures, with a page that says so; there is no second
login page; and the admin asks nothing of a third-party site (no Gravatar)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        username="editor", password="right-password", is_staff=True
    )


def log_in(client, password, username="editor", address="192.0.2.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_after_repeated_failures_even_the_right_password_is_refused_with_a_clear_page(
    client, throttled, editor
):
    failures = [log_in(client, "wrong").status_code for _ in range(3)]

    locked = log_in(client, "right-password")

    assert failures == [200, 200, 429]
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Too many attempts" in text
    assert "try again in 15 minutes" in text
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_account_and_address(client, throttled, editor, django_user_model):
    for _ in range(3):
        log_in(client, "wrong")

    from_elsewhere = log_in(client, "right-password", address="192.0.2.99")

    assert from_elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_success_before_the_limit_starts_the_count_again(client, throttled, editor):
    log_in(client, "wrong")
    log_in(client, "wrong")
    assert log_in(client, "right-password").status_code == 302
    client.logout()

    assert [log_in(client, "wrong").status_code for _ in range(2)] == [200, 200]


def test_the_lockout_page_speaks_the_visitors_language(client, throttled, editor, settings):
    for _ in range(3):
        log_in(client, "wrong")

    locked = client.post(
        LOGIN,
        {"username": "editor", "password": "wrong"},
        REMOTE_ADDR="192.0.2.1",
        HTTP_ACCEPT_LANGUAGE="ru",
    )

    assert locked.status_code == 429
    assert "Слишком много попыток" in locked.content.decode()


def test_page_passwords_are_throttled_too(client, throttled, site_tree):
    page = NewsPageFactory(parent=site_tree.news, title="Synthetic private news")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="right"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])

    def guess(password):
        return client.post(
            url, {"password": password, "return_url": page.url}, REMOTE_ADDR="192.0.2.1"
        )

    answers = [guess("wrong").status_code for _ in range(3)]
    locked = guess("right")

    assert answers == [200, 200, 429]
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert "Synthetic private news" not in client.get(page.url).content.decode()


def test_the_right_page_password_still_opens_the_page(client, throttled, site_tree):
    page = NewsPageFactory(parent=site_tree.news, title="Synthetic private news")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="right"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])

    opened = client.post(url, {"password": "right", "return_url": page.url})

    assert opened.status_code == 302
    assert "Synthetic private news" in client.get(page.url).content.decode()


def test_there_is_no_second_login_page(client):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_the_admin_asks_nothing_of_gravatar(client, editor):
    client.force_login(editor)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))

    dashboard = client.get("/admin/").content.decode()

    assert "gravatar" not in dashboard.lower()


def log_in_through_proxy(client, password, forwarded_for):
    """A login as it reaches gunicorn behind nginx: from 127.0.0.1, the visitor in
    X-Forwarded-For (nginx appends the address it saw to whatever the client sent)."""
    return client.post(
        LOGIN,
        {"username": "editor", "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_the_proxy_one_visitors_failures_do_not_lock_out_another(
    client, throttled, editor, settings
):
    settings.PROXY_COUNT = 1
    for _ in range(3):
        log_in_through_proxy(client, "wrong", "203.0.113.9")

    attacker = log_in_through_proxy(client, "right-password", "203.0.113.9")
    colleague = log_in_through_proxy(client, "right-password", "198.51.100.7")

    assert attacker.status_code == 429
    assert colleague.status_code == 302


def test_an_address_a_client_writes_into_x_forwarded_for_itself_is_not_believed(
    client, throttled, editor, settings
):
    settings.PROXY_COUNT = 1
    # Each attempt claims a new address on the left; nginx appends the real one on the right.
    for fake in range(3):
        log_in_through_proxy(client, "wrong", f"10.0.0.{fake}, 203.0.113.9")

    assert (
        log_in_through_proxy(client, "right-password", "10.0.0.99, 203.0.113.9").status_code == 429
    )
