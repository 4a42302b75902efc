from django.apps import AppConfig


class RaadsvoorstellenConfig(AppConfig):
    name = "apps.raadsvoorstellen"
    verbose_name = "Raadsvoorstellen"
