from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "apps.portaal"
    verbose_name = "Portaal"

    def ready(self):
        from .paginacache import signalen_verbinden

        # Any change to the portal's data makes the anonymous page cache stale (issue 7).
        signalen_verbinden()
