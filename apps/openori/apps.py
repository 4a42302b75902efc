from django.apps import AppConfig


class OpenOriConfig(AppConfig):
    name = "apps.openori"
    label = "openori"
    verbose_name = "Open data-API (mini-ORI)"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_delete, post_save

        from apps.besluiten.models import Besluit
        from apps.memos.models import Memo, MemoBijlage
        from apps.moties.models import Amendement, Motie
        from apps.raadsvoorstellen.models import Raadsvoorstel, RaadsvoorstelBijlage
        from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage, Vergadering

        from .sporen import na_wijziging

        if not settings.OPENDATA_SPOREN_BIJ_OPSLAAN:
            return
        for model in (
            Vergadering,
            Agendapunt,
            AgendapuntBijlage,
            Raadsvoorstel,
            RaadsvoorstelBijlage,
            Memo,
            MemoBijlage,
            Besluit,
            Motie,
            Amendement,
        ):
            post_save.connect(na_wijziging, sender=model, dispatch_uid=f"openori-spoor-save-{model._meta.label}")
            post_delete.connect(na_wijziging, sender=model, dispatch_uid=f"openori-spoor-delete-{model._meta.label}")
