from django.urls import path

from . import feeds, views

app_name = "besluiten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("feed/", feeds.BesluitenFeed(), name="feed"),
    path("feed/onderwerp/<slug:slug>/", feeds.OnderwerpBesluitenFeed(), name="feed-onderwerp"),
    path("<str:zaaknummer>/", views.detail, name="detail"),
    path("<str:zaaknummer>/raadsbesluit.pdf", views.pdf, name="pdf"),
    path("<str:zaaknummer>/versie/<int:versie>/", views.versie, name="versie"),
    path("<str:zaaknummer>/versie/<int:versie>/raadsbesluit.pdf", views.versie_pdf, name="versie-pdf"),
]
