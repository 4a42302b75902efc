from django.apps import AppConfig


class MotiesConfig(AppConfig):
    name = "apps.moties"
    verbose_name = "Moties, amendementen en stemmingen"

    def ready(self):
        from apps.core.search import registreer_zoekbron

        from .models import Amendement, Motie
        from .search import amendement_document, amendementen_voor_index, motie_document, moties_voor_index

        registreer_zoekbron(Motie, motie_document, soort="motie", queryset=moties_voor_index)
        registreer_zoekbron(Amendement, amendement_document, soort="amendement", queryset=amendementen_voor_index)
