from django.apps import AppConfig


class MemosConfig(AppConfig):
    name = "apps.memos"
    verbose_name = "Memo's"
