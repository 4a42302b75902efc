from django.apps import AppConfig


class ImporterenConfig(AppConfig):
    name = "apps.importeren"
    verbose_name = "Importeren"
    default_auto_field = "django.db.models.BigAutoField"
