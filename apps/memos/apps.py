from django.apps import AppConfig


class MemosConfig(AppConfig):
    name = "apps.memos"
    verbose_name = "Memo's"

    def ready(self):
        from apps.core.search import registreer_zoekbron

        from .models import Memo
        from .search import memo_document, memos_voor_index

        registreer_zoekbron(Memo, memo_document, soort="memo", queryset=memos_voor_index)
