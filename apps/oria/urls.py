from django.urls import path

from . import views

app_name = "oria"

urlpatterns = [path("", views.export, name="export")]
