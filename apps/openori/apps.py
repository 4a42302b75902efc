from django.apps import AppConfig


class OpenOriConfig(AppConfig):
    name = "apps.openori"
    label = "openori"
    verbose_name = "Open data-API (mini-ORI)"
