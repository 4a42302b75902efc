from django.apps import AppConfig


class RaadsvoorstellenConfig(AppConfig):
    name = "apps.raadsvoorstellen"
    verbose_name = "Raadsvoorstellen"

    def ready(self):
        from apps.core.search import registreer_zoekbron

        from .models import Raadsvoorstel
        from .search import raadsvoorstel_document, raadsvoorstellen_voor_index

        registreer_zoekbron(
            Raadsvoorstel, raadsvoorstel_document, soort="raadsvoorstel", queryset=raadsvoorstellen_voor_index
        )
