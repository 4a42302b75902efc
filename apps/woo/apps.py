from django.apps import AppConfig


class WooConfig(AppConfig):
    name = "apps.woo"
    label = "woo"
    verbose_name = "Woo-index (DiWoo-sitemaps)"
