from django.urls import path

from . import views

app_name = "aanlevering"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/opnieuw/", views.opnieuw, name="opnieuw"),
]
