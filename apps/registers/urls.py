from django.urls import path

from . import feeds, views

app_name = "registers"

urlpatterns = [
    path("registers/", views.overzicht, name="overzicht"),
    path("toezeggingen/", views.lijst, {"register": "toezeggingen"}, name="toezeggingen"),
    path("toezeggingen/feed/", feeds.ToezeggingenFeed(), name="toezeggingen-feed"),
    path("toezeggingen/<str:nummer>/", views.toezegging, name="toezegging"),
    path("motiemonitor/", views.lijst, {"register": "motiemonitor"}, name="motiemonitor"),
    path("motiemonitor/feed/", feeds.MotiemonitorFeed(), name="motiemonitor-feed"),
    path("motiemonitor/<path:nummer>/", views.motie, name="motie"),  # a motie number may hold a slash
    path("ingekomen-stukken/", views.lijst, {"register": "ingekomen-stukken"}, name="ingekomen-stukken"),
    path("ingekomen-stukken/feed/", feeds.IngekomenStukkenFeed(), name="ingekomen-stukken-feed"),
    path("ingekomen-stukken/lijst/<uuid:uuid>/", views.lis, name="lis"),
    path("ingekomen-stukken/<str:nummer>/", views.ingekomen_stuk, name="ingekomen-stuk"),
    path("schriftelijke-vragen/", views.lijst, {"register": "schriftelijke-vragen"}, name="schriftelijke-vragen"),
    path("schriftelijke-vragen/feed/", feeds.SchriftelijkeVragenFeed(), name="schriftelijke-vragen-feed"),
    path("schriftelijke-vragen/<str:nummer>/", views.schriftelijke_vraag, name="schriftelijke-vraag"),
    path("lange-termijnagenda/", views.lijst, {"register": "lange-termijnagenda"}, name="lange-termijnagenda"),
    path("lange-termijnagenda/feed/", feeds.LangetermijnFeed(), name="lange-termijnagenda-feed"),
    path("lange-termijnagenda/<uuid:uuid>/", views.langetermijn_item, name="langetermijn-item"),
]
