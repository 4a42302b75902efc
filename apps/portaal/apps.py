from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "apps.portaal"
    verbose_name = "Portaal"
