"""`manage.py create_dev_logins`: one well-known login per role, for development only."""

import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

from home.roles import EDITORS, MODERATORS, translators_group_name

pytestmark = pytest.mark.django_db

DEV_LOGINS = {
    # username: (password, the one group the user is in; None for the administrator)
    "admin": ("admin", None),
    "editor": ("editor", EDITORS),
    "moderator": ("moderator", MODERATORS),
    "translator-ru": ("translator-ru", translators_group_name("ru")),
    "translator-fr": ("translator-fr", translators_group_name("fr")),
}


def create_dev_logins():
    output = io.StringIO()
    call_command("create_dev_logins", "--url", "http://127.0.0.1:8000", stdout=output)
    return output.getvalue()


def table_rows(output):
    """The printed logins table as (username, password, role) rows, header left out."""
    lines = output.splitlines()
    header = next(index for index, line in enumerate(lines) if line.split()[:1] == ["Username"])
    rows = [line.split(maxsplit=2) for line in lines[header + 1 :] if line.strip()]
    return {username: (password, role) for username, password, role in rows}


def test_every_login_is_printed_with_its_password_and_role(settings):
    settings.DEBUG = True

    rows = table_rows(create_dev_logins())

    assert rows == {
        username: (password, group or "Administrator (every permission)")
        for username, (password, group) in DEV_LOGINS.items()
    }


def test_the_printed_passwords_log_in(settings):
    settings.DEBUG = True

    create_dev_logins()

    for username, (password, _group) in DEV_LOGINS.items():
        assert authenticate(username=username, password=password) is not None, username


def test_each_role_user_is_in_its_group_only_and_the_admin_is_a_superuser(settings):
    settings.DEBUG = True

    create_dev_logins()

    users = get_user_model().objects.filter(username__in=DEV_LOGINS)
    groups = {user.username: list(user.groups.values_list("name", flat=True)) for user in users}
    assert groups == {
        username: [group] if group else [] for username, (_password, group) in DEV_LOGINS.items()
    }
    superusers = {user.username for user in users if user.is_superuser}
    assert superusers == {"admin"}


def test_running_it_again_resets_passwords_and_groups_without_duplicates(settings):
    settings.DEBUG = True
    create_dev_logins()
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("changed")
    editor.save()
    editor.groups.clear()

    create_dev_logins()

    assert get_user_model().objects.filter(username__in=DEV_LOGINS).count() == len(DEV_LOGINS)
    assert authenticate(username="editor", password="editor") == editor
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]


def test_every_target_language_gets_a_translator_login(settings):
    settings.DEBUG = True
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES = [
        *settings.WAGTAIL_CONTENT_LANGUAGES,
        ("de", "German"),
    ]

    rows = table_rows(create_dev_logins())

    assert rows["translator-de"] == ("translator-de", "Translators: German (de)")


def test_refuses_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG off"):
        create_dev_logins()

    assert not get_user_model().objects.filter(username__in=DEV_LOGINS).exists()


@pytest.mark.parametrize(
    ("username", "heading"),
    [("translator-ru", "Статус переводов"), ("translator-fr", "État des traductions")],
)
def test_a_translator_login_starts_with_the_admin_in_their_language(
    settings, client, username, heading
):
    settings.DEBUG = True
    create_dev_logins()
    client.login(username=username, password=username)

    dashboard = client.get("/admin/").content.decode()
    board = client.get("/admin/translation-status/").content.decode()

    assert f'lang="{username[-2:]}"' in dashboard
    assert heading in board


def test_the_editor_login_keeps_the_admin_in_english(settings, client):
    settings.DEBUG = True
    create_dev_logins()
    client.login(username="editor", password="editor")

    assert 'lang="en"' in client.get("/admin/").content.decode()
