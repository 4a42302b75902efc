from django.apps import AppConfig


class PaginacacheConfig(AppConfig):
    name = "apps.paginacache"
    verbose_name = "Paginacache"

    def ready(self):
        from .middleware import signalen_verbinden

        # Any change to the portal's data makes every cached page stale.
        signalen_verbinden()
