from django.apps import AppConfig


class ConferenceSiteConfig(AppConfig):
    name = "conference_site"
    label = "conference_site"
    verbose_name = "Conference site"
