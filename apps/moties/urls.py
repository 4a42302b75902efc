from django.urls import path

from . import feeds, views

app_name = "moties"

urlpatterns = [
    path("moties/", views.moties, name="moties"),
    path("moties/feed/", feeds.MotiesFeed(), name="feed"),
    path("moties/<str:nummer>/", views.motie, name="motie"),
    path("moties/<str:nummer>/motie.pdf", views.motie_pdf, name="motie-pdf"),
    path("amendementen/", views.amendementen, name="amendementen"),
    path("amendementen/<str:nummer>/", views.amendement, name="amendement"),
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
