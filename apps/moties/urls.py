from django.urls import path

from . import feeds, views

app_name = "moties"

urlpatterns = [
    path("moties/", views.moties, name="moties"),
    path("moties/feed/", feeds.MotiesFeed(), name="feed"),
    # A number may hold a slash (MOTIE_NUMMER_FORMAAT, e.g. "{jaar}/M{nummer}"): the path converter.
    path("moties/<path:nummer>/motie.pdf", views.motie_pdf, name="motie-pdf"),
    path("moties/<path:nummer>/", views.motie, name="motie"),
    path("amendementen/", views.amendementen, name="amendementen"),
    path("amendementen/<path:nummer>/", views.amendement, name="amendement"),
    path("besluitenlijsten/<str:datum>/<slug:gremium>/", views.besluitenlijst, name="besluitenlijst"),
    path(
        "besluitenlijsten/<str:datum>/<slug:gremium>/besluitenlijst.pdf",
        views.besluitenlijst_pdf,
        name="besluitenlijst-pdf",
    ),
    path(
        "besluitenlijsten/<str:datum>/<slug:gremium>/versie/<int:versie>/besluitenlijst.pdf",
        views.besluitenlijst_pdf,
        name="besluitenlijst-versie-pdf",
    ),
    path("personen/<slug:slug>/", views.persoon, name="persoon"),
    path("fracties/", views.fracties, name="fracties"),
    path("fracties/<slug:slug>/", views.fractie, name="fractie"),
]
