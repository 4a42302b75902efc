from django.urls import path

from . import views
from .views import moties as views_moties

app_name = "griffie"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # Besluitvorming of a meeting (issue 13); before vergaderingen/<uuid>/<actie>/ so these names win
    path("vergaderingen/<uuid:uuid>/besluitvorming/", views_moties.besluitvorming, name="besluitvorming"),
    path("vergaderingen/<uuid:uuid>/presentielijst/", views_moties.presentielijst, name="presentielijst"),
    path("vergaderingen/<uuid:vergadering_uuid>/moties/nieuw/", views_moties.motie_formulier, name="motie-nieuw"),
    path(
        "vergaderingen/<uuid:vergadering_uuid>/amendementen/nieuw/",
        views_moties.amendement_formulier,
        name="amendement-nieuw",
    ),
    path(
        "vergaderingen/<uuid:vergadering_uuid>/stemmingen/nieuw/",
        views_moties.stemming_formulier,
        name="stemming-nieuw",
    ),
    path(
        "vergaderingen/<uuid:uuid>/besluitenlijst/publiceren/",
        views_moties.besluitenlijst_publiceren,
        name="besluitenlijst-publiceren",
    ),
    path(
        "vergaderingen/<uuid:uuid>/besluitenlijst/voorbeeld.pdf",
        views_moties.besluitenlijst_voorbeeld,
        name="besluitenlijst-voorbeeld",
    ),
    path("moties/<uuid:uuid>/bewerken/", views_moties.motie_formulier, name="motie-bewerken"),
    path("amendementen/<uuid:uuid>/bewerken/", views_moties.amendement_formulier, name="amendement-bewerken"),
    path("stukken/<uuid:uuid>/<slug:actie>/", views_moties.stuk_actie, name="stuk-actie"),
    path("stemmingen/<uuid:uuid>/bewerken/", views_moties.stemming_formulier, name="stemming-bewerken"),
    path("stemmingen/<uuid:uuid>/rectificeren/", views_moties.stemming_rectificeren, name="stemming-rectificeren"),
    path("stemmingen/<uuid:uuid>/<slug:actie>/", views_moties.stemming_actie, name="stemming-actie"),
    # Raadsvoorstellen
    path("raadsvoorstellen/", views.raadsvoorstellen, name="raadsvoorstellen"),
    path("raadsvoorstellen/nieuw/", views.raadsvoorstel_formulier, name="raadsvoorstel-nieuw"),
    path("raadsvoorstellen/<uuid:uuid>/", views.raadsvoorstel, name="raadsvoorstel"),
    path("raadsvoorstellen/<uuid:uuid>/bewerken/", views.raadsvoorstel_formulier, name="raadsvoorstel-bewerken"),
    path("raadsvoorstellen/<uuid:uuid>/<slug:actie>/", views.raadsvoorstel_actie, name="raadsvoorstel-actie"),
    # Bijlagen (adding happens in the forms of the record they belong to)
    path("bijlagen/<uuid:uuid>/verwijderen/", views.bijlage_verwijderen, name="bijlage-verwijderen"),
    # Memo's
    path("memos/", views.memos, name="memos"),
    path("memos/nieuw/", views.memo_formulier, name="memo-nieuw"),
    path("memos/<uuid:uuid>/", views.memo, name="memo"),
    path("memos/<uuid:uuid>/bewerken/", views.memo_formulier, name="memo-bewerken"),
    path("memos/<uuid:uuid>/verwijderen/", views.memo_verwijderen, name="memo-verwijderen"),
    # Vergaderingen and the agenda builder
    path("vergaderingen/", views.vergaderingen, name="vergaderingen"),
    path("vergaderingen/nieuw/", views.vergadering_formulier, name="vergadering-nieuw"),
    path("vergaderingen/<uuid:uuid>/", views.vergadering, name="vergadering"),
    path("vergaderingen/<uuid:uuid>/bewerken/", views.vergadering_formulier, name="vergadering-bewerken"),
    path(
        "vergaderingen/<uuid:vergadering_uuid>/agendapunten/nieuw/", views.agendapunt_formulier, name="agendapunt-nieuw"
    ),
    path("vergaderingen/<uuid:uuid>/<slug:actie>/", views.vergadering_actie, name="vergadering-actie"),
    path("agendapunten/<uuid:uuid>/bewerken/", views.agendapunt_formulier, name="agendapunt-bewerken"),
    path("agendapunten/<uuid:uuid>/verplaatsen/", views.agendapunt_verplaatsen, name="agendapunt-verplaatsen"),
    path("agendapunten/<uuid:uuid>/verwijderen/", views.agendapunt_verwijderen, name="agendapunt-verwijderen"),
    path("agendapunten/<uuid:uuid>/besluit/", views.besluit_registreren, name="besluit-registreren"),
    # Besluiten
    path("besluiten/", views.besluiten, name="besluiten"),
    path("besluiten/<uuid:uuid>/", views.besluit, name="besluit"),
    path("besluiten/<uuid:uuid>/bewerken/", views.besluit_bewerken, name="besluit-bewerken"),
    path("besluiten/<uuid:uuid>/rectificeren/", views.besluit_rectificeren, name="besluit-rectificeren"),
    path("besluiten/<uuid:uuid>/publiceren/", views.besluit_publiceren, name="besluit-publiceren"),
    path("besluiten/<uuid:uuid>/<slug:actie>/", views.besluit_actie, name="besluit-actie"),
]
