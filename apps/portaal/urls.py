from django.urls import path

from . import documenten, views, views_tijdlijn

app_name = "portaal"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.zoeken, name="zoeken"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("open-data/", views.open_data, name="open-data"),
    path("zaken/<str:zaaknummer>/", views_tijdlijn.zaak, name="zaak"),
    path("onderwerpen/", views.onderwerpen, name="onderwerpen"),
    path("onderwerpen/<slug:slug>/", views_tijdlijn.onderwerp, name="onderwerp"),
    path("documenten/raadsvoorstellen/<uuid:uuid>.pdf", documenten.raadsvoorstel_pdf, name="raadsvoorstel-pdf"),
    path("documenten/memos/<uuid:uuid>.pdf", documenten.memo_pdf, name="memo-pdf"),
]
