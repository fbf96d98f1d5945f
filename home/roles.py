"""The editorial roles: who writes, translates, reviews and publishes which pages.

English (the source language) is written by **Editors**; each target language is translated by
its own **Translators** group; **Moderators** review and publish everything, in every language,
through the "Review before publishing" workflow. ``manage.py setup_roles`` applies this to the
database and can be run any number of times; ``home.signals`` grants a language's home page to its
team when the page is created later (a language translated for the first time).

Wagtail's page permissions hold on a subtree, which is how a group is confined to one language:
each language has its own tree under a home page. Snippet, image and document permissions cannot
be confined that way (Wagtail scopes them per model or collection, not per language), which is
why translators get only read or upload rights on them.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import get_language_info
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import HomePage

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS_PREFIX = "Translators: "
# The language code in brackets is what identifies a translators group: the language's name in
# front of it may be reworded (the group is then renamed), the code never is.
TRANSLATORS_NAME_PATTERN = re.compile(rf"^{re.escape(TRANSLATORS_PREFIX)}.*\((?P<code>[^()]+)\)$")

REVIEW_WORKFLOW = "Review before publishing"
# Wagtail's own migrations create a workflow and a task of this name on the tree root. The
# workflow is adopted (renamed) rather than left beside ours, so that pages already in moderation
# keep their place; the task, a Moderators approval, is exactly the step we want.
WAGTAIL_STARTER_WORKFLOW = "Moderators approval"
APPROVAL_TASK = "Moderators approval"


@dataclass(frozen=True)
class Rights:
    """What a group may do: ``pages`` are wagtailcore page permission codenames, held on the
    group's subtree; ``models`` and ``collections`` are ``app_label.codename`` permissions, the
    latter on the root collection (every image and document)."""

    pages: frozenset[str]
    models: frozenset[str]
    collections: frozenset[str]


EDITOR_RIGHTS = Rights(
    # On the source language's home page. No publish: their work goes through review. Lock lets
    # an editor keep a page to themselves while writing it.
    pages=frozenset({"add_page", "change_page", "lock_page"}),
    models=frozenset(
        {
            "wagtailadmin.access_admin",
            # Venues and topics are chosen on editions and news; a new edition may need a new one.
            # Deleting one that pages use is left to moderators.
            "editions.add_venue",
            "editions.change_venue",
            "editions.view_venue",
            "news.add_topic",
            "news.change_topic",
            "news.view_topic",
            "localisation.view_glossaryterm",
            # Not wagtail_localize.submit_translation, which Wagtail's defaults give editors:
            # its "Sync translated pages" view can publish every translation of a page at once,
            # and "Translate this page" publishes the new copies when the source is live. Both
            # would let an editor publish without review.
        }
    ),
    collections=frozenset(
        {
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
        }
    ),
)

MODERATOR_RIGHTS = Rights(
    # On the tree root: every language, and the home page of a language yet to come.
    pages=frozenset({"add_page", "change_page", "lock_page", "publish_page", "unlock_page"}),
    models=frozenset(
        {
            "wagtailadmin.access_admin",
            # Sending pages and snippets for translation, and syncing translations after the
            # source changed; see EDITOR_RIGHTS for why only moderators.
            "wagtail_localize.submit_translation",
            "editions.add_venue",
            "editions.change_venue",
            "editions.delete_venue",
            "editions.view_venue",
            "news.add_topic",
            "news.change_topic",
            "news.delete_topic",
            "news.view_topic",
            "localisation.add_glossaryterm",
            "localisation.change_glossaryterm",
            "localisation.delete_glossaryterm",
            "localisation.view_glossaryterm",
        }
    ),
    collections=frozenset(
        {
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtailimages.delete_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
            "wagtaildocs.delete_document",
        }
    ),
)

TRANSLATOR_RIGHTS = Rights(
    # On their language's home page. Edit only: the pages of a language tree are created by
    # wagtail-localize from the English ones, so translators have no page to add; and no
    # publish, their work goes through review.
    pages=frozenset({"change_page"}),
    models=frozenset(
        {
            "wagtailadmin.access_admin",
            # The names machine translation keeps as written. Venue and topic translations are
            # left to moderators: Wagtail's snippet permissions are per model, so a right to
            # change them would cover the English and other languages' venues too.
            "localisation.view_glossaryterm",
        }
    ),
    collections=frozenset(
        {
            # Upload and choose a language's own version of an image or document (a programme
            # in Russian, say); "add" lets them change only what they uploaded.
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        }
    ),
)


# Languages --------------------------------------------------------------------------------------


def source_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def target_languages() -> list[str]:
    """The content languages pages are translated into, in settings order."""
    return [code for code in get_content_languages() if code != source_language()]


def language_name(code: str) -> str:
    """The language's English name ("Russian"), the same whatever language the admin is in."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def translators_group_name(code: str) -> str:
    return f"{TRANSLATORS_PREFIX}{language_name(code)} ({code})"


def find_translators_group(code: str) -> Group | None:
    """The translators group of a language, found by the code in its name."""
    for group in Group.objects.filter(name__startswith=TRANSLATORS_PREFIX).order_by("pk"):
        match = TRANSLATORS_NAME_PATTERN.match(group.name)
        if match and match["code"] == code:
            return group
    return None


def home_pages(code: str):
    """The home page(s) of a language: HomePages directly under the tree root, in its locale."""
    return HomePage.objects.filter(depth=2, locale__language_code=code).order_by("path")


# Granting one home page (used when a home page is created) ---------------------------------------


def team_of_language(code: str) -> tuple[Group | None, Rights | None]:
    """The group that works on a language's pages, if it exists yet, and its rights."""
    if code == source_language():
        return Group.objects.filter(name=EDITORS).first(), EDITOR_RIGHTS
    if code in target_languages():
        return find_translators_group(code), TRANSLATOR_RIGHTS
    return None, None


def grant_home_page_to_its_team(home_page: Page) -> None:
    """Give the team of the home page's language its rights on the page's tree.

    A team whose group does not exist yet gets the page when setup_roles creates the group."""
    group, rights = team_of_language(home_page.locale.language_code)
    if group is None:
        return
    for permission in _permissions(_page_permission_names(rights)):
        GroupPagePermission.objects.get_or_create(
            group=group, page=home_page, permission=permission
        )


# setup_roles ------------------------------------------------------------------------------------


@dataclass
class RolesReport:
    """What setup_roles changed, one line each, and what it could not do yet."""

    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)


@transaction.atomic
def setup_roles() -> RolesReport:
    """Bring the groups, their permissions and the review workflow to what this module says.

    Everything is compared with what is there, so a second run changes nothing; permissions a
    group holds beyond its role (Wagtail's defaults on the tree root, for instance) are revoked.
    """
    report = RolesReport()
    root = Page.get_first_root_node()

    editors = _group(EDITORS, report)
    _apply_rights(
        editors, EDITOR_RIGHTS, _home_pages_or_note(source_language(), editors, report), report
    )

    moderators = _group(MODERATORS, report)
    _apply_rights(moderators, MODERATOR_RIGHTS, [root], report)

    for code in target_languages():
        translators = _translators_group(code, report)
        _apply_rights(
            translators, TRANSLATOR_RIGHTS, _home_pages_or_note(code, translators, report), report
        )
    _note_translators_of_other_languages(report)

    _apply_review_workflow(root, moderators, report)
    return report


def _group(name: str, report: RolesReport) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    if created:
        report.changes.append(f"Created the group “{name}”.")
    report.groups.append(name)
    return group


def _translators_group(code: str, report: RolesReport) -> Group:
    name = translators_group_name(code)
    group = find_translators_group(code)
    if group is None:
        return _group(name, report)
    if group.name != name:
        report.changes.append(f"Renamed the group “{group.name}” to “{name}”.")
        group.name = name
        group.save(update_fields=["name"])
    report.groups.append(name)
    return group


def _home_pages_or_note(code: str, group: Group, report: RolesReport) -> list[Page]:
    pages = list(home_pages(code))
    if not pages:
        report.notes.append(
            f"There is no {language_name(code)} home page yet: “{group.name}” will be given "
            "its tree when the page is created."
        )
    return pages


def _note_translators_of_other_languages(report: RolesReport) -> None:
    languages = set(target_languages())
    for group in Group.objects.filter(name__startswith=TRANSLATORS_PREFIX).order_by("name"):
        match = TRANSLATORS_NAME_PATTERN.match(group.name)
        if match and match["code"] not in languages:
            report.notes.append(
                f"“{group.name}” is for a language that is not a target language in "
                "WAGTAIL_CONTENT_LANGUAGES; it was left as it is."
            )


def _apply_rights(group: Group, rights: Rights, pages: list[Page], report: RolesReport) -> None:
    _apply_page_permissions(group, rights, pages, report)
    _apply_model_permissions(group, rights, report)
    _apply_collection_permissions(group, rights, report)


def _apply_page_permissions(group, rights, pages, report) -> None:
    permissions = _permissions(_page_permission_names(rights))
    wanted = {
        (page.pk, permission.pk): (page, permission) for page in pages for permission in permissions
    }
    existing = {
        (row.page_id, row.permission_id): row
        for row in GroupPagePermission.objects.filter(group=group).select_related(
            "page", "permission"
        )
    }
    granted, revoked = {}, {}
    for key in wanted.keys() - existing.keys():
        page, permission = wanted[key]
        GroupPagePermission.objects.create(group=group, page=page, permission=permission)
        granted.setdefault(page, []).append(permission.codename)
    for key in existing.keys() - wanted.keys():
        row = existing[key]
        row.delete()
        revoked.setdefault(row.page, []).append(row.permission.codename)
    for page, codenames in granted.items():
        report.changes.append(
            f"{group.name}: page permissions {_listing(codenames)} granted on {_describe(page)}."
        )
    for page, codenames in revoked.items():
        report.changes.append(
            f"{group.name}: page permissions {_listing(codenames)} revoked on {_describe(page)}."
        )


def _apply_model_permissions(group, rights, report) -> None:
    # Exactly these: Wagtail's first migrations also gave Editors and Moderators model-level
    # image and document permissions that nothing checks any more (collection permissions
    # replaced them); they go, so that what a group holds is what is in effect.
    wanted = set(_permissions(rights.models))
    existing = set(group.permissions.select_related("content_type"))
    if wanted == existing:
        return
    group.permissions.set(wanted)
    if added := wanted - existing:
        report.changes.append(
            f"{group.name}: model permissions granted: {_listing(map(_dotted, added))}."
        )
    if removed := existing - wanted:
        report.changes.append(
            f"{group.name}: model permissions revoked: {_listing(map(_dotted, removed))}."
        )


def _apply_collection_permissions(group, rights, report) -> None:
    root_collection = Collection.get_first_root_node()
    wanted = {permission.pk: permission for permission in _permissions(rights.collections)}
    existing = {
        (row.collection_id, row.permission_id): row
        for row in GroupCollectionPermission.objects.filter(group=group).select_related(
            "permission__content_type", "collection"
        )
    }
    added = []
    for pk, permission in wanted.items():
        if (root_collection.pk, pk) not in existing:
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=permission
            )
            added.append(_dotted(permission))
    removed = []
    for (collection_id, permission_id), row in existing.items():
        if collection_id != root_collection.pk or permission_id not in wanted:
            row.delete()
            removed.append(f"{_dotted(row.permission)} on the collection “{row.collection}”")
    if added:
        report.changes.append(
            f"{group.name}: image and document permissions granted on the root collection: "
            f"{_listing(added)}."
        )
    if removed:
        report.changes.append(
            f"{group.name}: image and document permissions revoked: {_listing(removed)}."
        )


def _apply_review_workflow(root: Page, moderators: Group, report: RolesReport) -> None:
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).order_by("pk").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
        report.changes.append(f"Created the task “{APPROVAL_TASK}”.")
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
        report.changes.append(f"Reactivated the task “{APPROVAL_TASK}”.")
    if set(task.groups.all()) != {moderators}:
        task.groups.set([moderators])
        report.changes.append(f"The task “{APPROVAL_TASK}” is now for {moderators.name} only.")

    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.filter(name=WAGTAIL_STARTER_WORKFLOW).order_by("pk").first()
        if workflow is None:
            workflow = Workflow.objects.create(name=REVIEW_WORKFLOW)
            report.changes.append(f"Created the workflow “{REVIEW_WORKFLOW}”.")
        else:
            workflow.name = REVIEW_WORKFLOW
            workflow.save(update_fields=["name"])
            report.changes.append(
                f"Renamed Wagtail's starter workflow “{WAGTAIL_STARTER_WORKFLOW}” "
                f"to “{REVIEW_WORKFLOW}”."
            )
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
        report.changes.append(f"Reactivated the workflow “{REVIEW_WORKFLOW}”.")

    steps = list(WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order"))
    if [step.task_id for step in steps] != [task.pk]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        report.changes.append(f"The workflow “{REVIEW_WORKFLOW}” has one step: “{APPROVAL_TASK}”.")

    # On the root, the workflow covers every page of every language, and the home page of a
    # language added later, without anyone having to remember it.
    attached = WorkflowPage.objects.filter(page=root).first()
    if attached is None or attached.workflow_id != workflow.pk:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
        report.changes.append(f"Every page now goes through “{REVIEW_WORKFLOW}”.")


# Helpers ----------------------------------------------------------------------------------------


def _page_permission_names(rights: Rights) -> set[str]:
    return {f"wagtailcore.{codename}" for codename in rights.pages}


def _permissions(dotted_names) -> list[Permission]:
    """The Permission rows for ``app_label.codename`` names; a name that matches nothing is a
    mistake in this module (or an app removed), not something to skip silently."""
    wanted = {tuple(name.split(".", 1)) for name in dotted_names}
    found = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.filter(
            codename__in={codename for _app, codename in wanted}
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    }
    if missing := wanted - found.keys():
        raise LookupError(f"Unknown permissions: {_listing('.'.join(name) for name in missing)}")
    return sorted(found.values(), key=lambda permission: permission.codename)


def _dotted(permission: Permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def _listing(names) -> str:
    return ", ".join(sorted(names))


def _describe(page: Page) -> str:
    if page.is_root():
        return "the tree root (every language)"
    return f"“{page.title}” ({page.locale.language_code})"
