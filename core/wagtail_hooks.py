from wagtail import hooks

from core.editing import SitePageViewSet


@hooks.register("register_admin_viewset")
def register_site_page_viewset():
    return SitePageViewSet()
