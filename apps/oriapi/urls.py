from django.urls import path, re_path

from . import views
from .bronnen import _alle_bronnen

BRONNEN = _alle_bronnen()

app_name = "oriapi"

urlpatterns = [path("", views.Index.as_view(), name="index")]
for bron in BRONNEN:
    urlpatterns += [
        path(bron.pad, views.Lijst.as_view(bron=bron), name=f"{bron.naam}-lijst"),
        path(f"{bron.pad}/<str:id>", views.Detail.as_view(bron=bron), name=bron.naam),
    ]
urlpatterns.append(re_path(r"^.*$", views.NietGevonden.as_view(), name="niet-gevonden"))
