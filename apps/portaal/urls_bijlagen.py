from django.urls import path

from . import bijlagen

app_name = "bijlagen"

urlpatterns = [
    path("<uuid:uuid>/", bijlagen.download, name="download"),
]
