"""The spec's paths have no trailing slash; the same paths with one work too."""

from django.urls import path

from . import views

app_name = "openori"

ROUTES = [
    ("vergaderingen", views.VergaderingLijst, "vergadering-lijst"),
    ("vergaderingen/<str:id>", views.VergaderingDetail, "vergadering"),
    ("agendapunten", views.AgendapuntLijst, "agendapunt-lijst"),
    ("agendapunten/<str:id>", views.AgendapuntDetail, "agendapunt"),
    ("informatieobjecten", views.InformatieObjectLijst, "informatieobject-lijst"),
    ("informatieobjecten/<str:id>", views.InformatieObjectDetail, "informatieobject"),
]

urlpatterns = [path("", views.Index.as_view(), name="index")]
for route, view, naam in ROUTES:
    urlpatterns += [path(route, view.as_view(), name=naam), path(f"{route}/", view.as_view())]
