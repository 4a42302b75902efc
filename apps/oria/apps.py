from django.apps import AppConfig


class OriAConfig(AppConfig):
    name = "apps.oria"
    label = "oria"
    verbose_name = "Archivering (ORI-A)"
