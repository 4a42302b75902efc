from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "apps.registers"
    verbose_name = "Registers van de griffie"

    def ready(self):
        from apps.core.search import registreer_afhankelijk, registreer_zoekbron
        from apps.moties.models import Motie
        from apps.vergaderagenda.models import Agendapunt, Vergadering

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
        # A toezegging is public only in a public meeting (and agenda item); a motie's follow-up follows the motie.
        registreer_afhankelijk(Vergadering, lambda v: list(v.toezeggingen.select_related("vergadering", "agendapunt")))
        registreer_afhankelijk(Agendapunt, lambda a: list(a.toezeggingen.select_related("vergadering", "agendapunt")))
        registreer_afhankelijk(Motie, lambda m: list(Motieopvolging.objects.filter(motie=m)))
        # The motie page shows where an aangenomen motie stands in the motiemonitor.
        from apps.moties.selectors import registreer_motie_aanvulling

        from .selectors import motie_stand

        registreer_motie_aanvulling("registers/_motie_stand.html", lambda m: {"stand": motie_stand(motie=m)})
