from django.apps import AppConfig


class AanleveringConfig(AppConfig):
    name = "apps.aanlevering"
    label = "aanlevering"
    verbose_name = "Aanlevering aan Open Overheid"

    def ready(self):
        from apps.openori.sporen import spoor_gewijzigd

        from .services import na_spoorwijziging

        spoor_gewijzigd.connect(na_spoorwijziging, dispatch_uid="aanlevering-na-spoorwijziging")
