from django.apps import AppConfig


class VergaderagendaConfig(AppConfig):
    name = "apps.vergaderagenda"
    verbose_name = "Vergaderagenda"
