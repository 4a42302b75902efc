from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "apps.core"
    verbose_name = "Basis (zaken, onderwerpen, personen, gremia)"

    def ready(self):
        from .services import groepen_inrichten

        # After every migrate: the groups griffie and raadslid exist with the right permissions.
        post_migrate.connect(lambda **kwargs: groepen_inrichten(), dispatch_uid="core.groepen_inrichten", weak=False)
