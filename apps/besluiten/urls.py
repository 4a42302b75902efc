from django.urls import path

from . import views

app_name = "besluiten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
]
