from django.apps import AppConfig


class VergaderagendaConfig(AppConfig):
    name = "apps.vergaderagenda"
    verbose_name = "Vergaderagenda"

    def ready(self):
        from apps.core.search import registreer_zoekbron

        from .models import Agendapunt, Vergadering
        from .search import agendapunt_document, agendapunten_voor_index, vergadering_verwant

        registreer_zoekbron(Agendapunt, agendapunt_document, soort="agendapunt", queryset=agendapunten_voor_index)
        registreer_zoekbron(Vergadering, None, verwant=vergadering_verwant)
