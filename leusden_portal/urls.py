from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from apps.importeren import views as importeren_views
from apps.portaal.forms import InlogForm
from apps.portaal.sitemaps import SITEMAPS

admin.site.site_header = "Raadsinformatie — beheer"
admin.site.site_title = "Raadsinformatie beheer"
admin.site.index_title = "Beheer (voor gevorderde gebruikers)"

urlpatterns = [
    path("", include("apps.portaal.urls")),
    path("", include("apps.vergaderagenda.urls")),
    path("", include("apps.moties.urls")),
    path("besluiten/", include("apps.besluiten.urls")),
    path("griffie/importeren/", include("apps.importeren.urls")),
    path("griffie/archief/", include("apps.oria.urls")),
    path("griffie/registers/", include("apps.registers.urls_griffie")),
    path("griffie/aanleveringen/", include("apps.aanlevering.urls")),
    path("griffie/", include("apps.griffie.urls")),
    path("mist-u-een-stuk/", importeren_views.mist_u_een_stuk, name="mist-u-een-stuk"),
    path("", include("apps.registers.urls")),
    path("api/ori/v2/", include("apps.oriapi.urls")),
    path("api/ori/", include("apps.openori.urls")),
    path("bijlagen/", include("apps.portaal.urls_bijlagen")),
    path("", include("apps.woo.urls")),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(authentication_form=InlogForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    # Sitemaps are cached by the page cache (apps/portaal/paginacache.py), so any change invalidates them at once.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"},
        name="sitemap-index",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
]

if settings.BENCH_BASELINE:
    # The benchmark's hello-world baseline (scripts/bench.sh); never mounted in normal operation.
    from apps.schaaldata.bench import hallo

    urlpatterns.append(path("bench/hallo/", hallo, name="bench-hallo"))
