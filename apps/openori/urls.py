"""The spec's paths have no trailing slash; a list answers with one too, a record redirects to its one URL."""

from django.urls import path, re_path

from . import views

app_name = "openori"

ROUTES = [
    ("vergaderingen", views.VergaderingLijst, "vergadering-lijst"),
    ("vergaderingen/<str:id>", views.VergaderingDetail, "vergadering"),
    ("agendapunten", views.AgendapuntLijst, "agendapunt-lijst"),
    ("agendapunten/<str:id>", views.AgendapuntDetail, "agendapunt"),
    ("informatieobjecten", views.InformatieObjectLijst, "informatieobject-lijst"),
    ("informatieobjecten/<str:id>", views.InformatieObjectDetail, "informatieobject"),
    ("verwijderd", views.GrafsteenLijst, "grafsteen-lijst"),
]

urlpatterns = [path("", views.Index.as_view(), name="index")]
for route, view, naam in ROUTES:
    urlpatterns += [path(route, view.as_view(), name=naam), path(f"{route}/", view.as_view())]
# Everything else under the API (unknown paths, ids with an encoded slash) answers the JSON ErrorResponse.
urlpatterns.append(re_path(r"^.*$", views.NietGevonden.as_view(), name="niet-gevonden"))
