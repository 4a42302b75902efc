from django.urls import path

from . import views

app_name = "importeren"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("document/", views.document_uploaden, name="document-uploaden"),
    path("export/", views.export_uploaden, name="export-uploaden"),
    path("runs/", views.runs, name="runs"),
    path("runs/<int:pk>/", views.run, name="run"),
    path("items/<int:pk>/", views.item, name="item"),
    path("items/<int:pk>/bestand/", views.item_bestand, name="item-bestand"),
    path("dekking/", views.dekking, name="dekking"),
]
