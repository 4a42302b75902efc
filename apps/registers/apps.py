from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "apps.registers"
    verbose_name = "Registers van de griffie"

    def ready(self):
        from apps.core.search import registreer_zoekbron

        from . import search
        from .models import IngekomenStuk, LangetermijnItem, Motieopvolging, SchriftelijkeVraag, Toezegging

        for model, soort in [
            (Toezegging, search.TOEZEGGING),
            (Motieopvolging, search.MOTIEOPVOLGING),
            (IngekomenStuk, search.INGEKOMEN_STUK),
            (SchriftelijkeVraag, search.SCHRIFTELIJKE_VRAAG),
            (LangetermijnItem, search.LANGETERMIJN),
        ]:
            registreer_zoekbron(model, search.BOUWERS[soort], soort=soort, queryset=search.VOOR_INDEX[soort])
