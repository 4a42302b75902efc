from django.urls import path

from . import views

app_name = "woo"

urlpatterns = [
    path("sitemapindex-diwoo-infocat<str:infocat>.xml", views.sitemapindex, name="sitemapindex"),
    path("sitemaps/diwoo-infocat<str:infocat>-<int:nummer>.xml", views.sitemap, name="sitemap"),
]
