from django.apps import AppConfig


class OriApiConfig(AppConfig):
    name = "apps.oriapi"
    label = "oriapi"
    verbose_name = "Open data-API (ORI 2.0.0-beta.4)"
