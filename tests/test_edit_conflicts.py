"""No silent overwrite: saving a page from a form opened before someone else saved it is
refused with the conflict explained, the editor's changes kept in the form; saving that form
again replaces the other version knowingly. Without JavaScript, as a plain form post."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import SpeakerPageFactory
from tests.html import text_of

pytestmark = pytest.mark.integration


def form_as_submitted(response, form_id="page-edit-form"):
    """What a browser without JavaScript sends for the form: every field with its value."""
    form = BeautifulSoup(response.content, "html.parser").find("form", id=form_id)
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file"}:
            continue
        if field.get("type") in {"checkbox", "radio"} and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        else:
            data[name] = field.get("value", "")
    return data


@pytest.fixture
def speaker(site_tree, superuser):
    page = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Speaker")
    page.save_revision(user=superuser)
    return page


@pytest.fixture
def edit_url(speaker):
    return reverse("wagtailadmin_pages:edit", args=[speaker.pk])


def save_elsewhere(speaker, django_user_model, title):
    """Another editor saves the page in the meantime."""
    colleague = django_user_model.objects.create_superuser(
        "synthetic-colleague", "colleague@example.org", "unused"
    )
    speaker.refresh_from_db()
    speaker.title = title
    return speaker.save_revision(user=colleague)


def test_a_save_from_a_form_older_than_the_latest_revision_is_refused_and_explained(
    superuser_client, speaker, edit_url, django_user_model
):
    form = form_as_submitted(superuser_client.get(edit_url))
    theirs = save_elsewhere(speaker, django_user_model, "Synthetic Speaker, their title")
    form["title"] = "Synthetic Speaker, my title"

    response = superuser_client.post(edit_url, form)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "Not saved: synthetic-colleague saved this page at" in text_of(page)
    assert page.find("input", attrs={"name": "title"})["value"] == "Synthetic Speaker, my title"
    speaker.refresh_from_db()
    assert speaker.latest_revision_id == theirs.pk
    assert speaker.get_latest_revision_as_object().title == "Synthetic Speaker, their title"


def test_saving_the_refused_form_again_replaces_the_newer_version_knowingly(
    superuser_client, speaker, edit_url, django_user_model
):
    form = form_as_submitted(superuser_client.get(edit_url))
    save_elsewhere(speaker, django_user_model, "Synthetic Speaker, their title")
    form["title"] = "Synthetic Speaker, my title"
    refused = superuser_client.post(edit_url, form)

    response = superuser_client.post(edit_url, form_as_submitted(refused))

    assert response.status_code == 302
    speaker.refresh_from_db()
    assert speaker.get_latest_revision_as_object().title == "Synthetic Speaker, my title"


def test_a_save_from_an_up_to_date_form_goes_through(superuser_client, speaker, edit_url):
    form = form_as_submitted(superuser_client.get(edit_url))
    form["title"] = "Synthetic Speaker, renamed"

    response = superuser_client.post(edit_url, form)

    assert response.status_code == 302
    speaker.refresh_from_db()
    assert speaker.get_latest_revision_as_object().title == "Synthetic Speaker, renamed"
