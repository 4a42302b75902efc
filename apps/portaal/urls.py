from django.urls import path

from . import views

app_name = "portaal"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.zoeken, name="zoeken"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("open-data/", views.open_data, name="open-data"),
]
