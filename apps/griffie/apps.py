from django.apps import AppConfig


class GriffieConfig(AppConfig):
    name = "apps.griffie"
    verbose_name = "Griffie"
