from django.urls import path

from . import views

app_name = "vergaderagenda"

urlpatterns = [
    path("vergaderingen/", views.kalender, name="kalender"),
]
