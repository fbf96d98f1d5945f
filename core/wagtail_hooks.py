from functools import partial

from wagtail import hooks

from core.editing import SitePageViewSet, site_page_models

# One viewset per page type of the project (core/editing.py): edits refuse silent overwrites.
for page_model in site_page_models():
    hooks.register("register_admin_viewset", partial(SitePageViewSet, page_model))
