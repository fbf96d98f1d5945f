"""The head of every page, for search engines and social networks: {% load seo_tags %}."""

from django import template
from wagtail.models import Page

from core import seo, structured_data
from core.templatetags.conference_tags import page_translations, site_name, site_root

register = template.Library()


@register.inclusion_tag("includes/seo_meta.html", takes_context=True)
def seo_meta(context):
    """The canonical link, OpenGraph and Twitter card metadata and, for editions, speakers and
    organisations, schema.org JSON-LD. Outside the page tree (an error page), nothing."""
    return head_context(context)


def head_context(context):
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return {"meta": None}
    meta = seo.page_meta(
        page,
        request,
        translations=page_translations(context),
        site_name=site_name(context),
    )
    # A routable subpage (one quote) shares itself rather than the page it belongs to.
    meta.update(context.get("share_overrides") or {})
    data = structured_data.structured_data(page, context, meta, site_root(context))
    return {
        "meta": meta,
        "json_ld": structured_data.json_ld_script(data) if data else "",
    }
