from django.db.models.signals import post_save
from django.dispatch import receiver

from home.models import HomePage
from home.roles import grant_home_page_to_its_team


@receiver(post_save, sender=HomePage)
def give_a_new_home_page_to_its_language_team(sender, instance, created, raw=False, **kwargs):
    # A language's home page is usually created after setup_roles ran (the first translation of
    # the site into that language): its translators must not wait for someone to rerun it.
    if created and not raw and instance.depth == 2:
        grant_home_page_to_its_team(instance)
