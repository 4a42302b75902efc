from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    name = "apps.besluiten"
    verbose_name = "Besluiten"

    def ready(self):
        from apps.core.search import registreer_zoekbron

        from .models import Besluit
        from .search import besluit_document, besluit_verwant, besluiten_voor_index

        registreer_zoekbron(
            Besluit, besluit_document, soort="besluit", queryset=besluiten_voor_index, verwant=besluit_verwant
        )
