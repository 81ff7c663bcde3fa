from django.urls import path

from igf.translations import views

app_name = "translations"

urlpatterns = [
    path("", views.desk, name="desk"),
    path("translators/", views.translators, name="translators"),
    path("translators/<int:pk>/remove/", views.remove_translator, name="remove_translator"),
    path("<str:language>/", views.desk_language, name="language"),
    path("<str:language>/<str:label>/<str:pk>/", views.edit, name="edit"),
]
