from django.urls import path

from . import views

app_name = "vergaderagenda"

urlpatterns = [
    path("vergaderingen/", views.kalender, name="kalender"),
    path("vergaderingen.ics", views.ical_alle, name="ical"),
    path("vergaderingen/vergadering/<uuid:uuid>.ics", views.ical_vergadering, name="ical-vergadering"),
    path("vergaderingen/<slug:gremium>.ics", views.ical_gremium, name="ical-gremium"),
    path("vergaderingen/<str:datum>/", views.agenda, name="agenda"),
]
