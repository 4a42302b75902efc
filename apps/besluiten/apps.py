from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    name = "apps.besluiten"
    verbose_name = "Besluiten"
