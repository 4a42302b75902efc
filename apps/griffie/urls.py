from django.urls import path

from . import views

app_name = "griffie"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
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
