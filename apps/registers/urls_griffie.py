"""The griffie's register pages, mounted under /griffie/registers/."""

from django.urls import path

from . import views_griffie as views

app_name = "registers_griffie"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("bijwerken/", views.bijwerken, name="bijwerken"),
    path("motiemonitor/", views.lijst, {"register": "motiemonitor"}, name="motiemonitor"),
    # A motie number may hold a slash (MOTIE_NUMMER_FORMAAT): the path converter, the longer routes first.
    path("motiemonitor/<path:nummer>/bewerken/", views.motie_bewerken, name="motie-bewerken"),
    path("motiemonitor/<path:nummer>/stand/", views.stand_toevoegen, name="stand-toevoegen"),
    path("motiemonitor/<path:nummer>/", views.motie, name="motie"),
    path("ingekomen-stukken/lijst/<uuid:uuid>/vaststellen/", views.lis_vaststellen, name="lis-vaststellen"),
    path("documenten/<uuid:uuid>/verwijderen/", views.document_verwijderen, name="document-verwijderen"),
    path("<slug:register>/", views.lijst, name="lijst"),
    path("<slug:register>/nieuw/", views.formulier, name="nieuw"),
    path("<slug:register>/<uuid:uuid>/", views.detail, name="detail"),
    path("<slug:register>/<uuid:uuid>/bewerken/", views.formulier, name="bewerken"),
    path("<slug:register>/<uuid:uuid>/<slug:actie>/", views.actie, name="actie"),
]
