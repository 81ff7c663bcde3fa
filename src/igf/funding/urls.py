"""The funding addresses, under /funding/."""

from django.urls import path

from igf.funding import views

app_name = "funding"

urlpatterns = [
    path("", views.index, name="index"),
    path("iati/", views.iati_index, name="iati"),
    path("iati/organisation.xml", views.iati_organisation, name="iati_organisation"),
    path("entries/<int:pk>/approve/", views.approve, name="approve"),
    path("entries/<int:pk>/reverse/", views.reverse, name="reverse"),
    path("calls/<slug:slug>/", views.call, name="call"),
    path("calls/<slug:slug>/apply/", views.apply, name="apply"),
    path("calls/<slug:slug>/awards/", views.awards, name="awards"),
    path("calls/<slug:slug>/scores/", views.scores, name="scores"),
    path("awards/<int:pk>/report/", views.trip_report, name="trip_report"),
    path("recommendations/<str:token>/", views.recommend, name="recommend"),
    path("<slug:slug>/", views.fund, name="fund"),
    path("<slug:slug>/<int:year>/", views.fund, name="fund_year"),
    path("<slug:slug>/<int:year>.csv", views.fund_csv, name="fund_csv"),
    path("<slug:slug>/<int:year>.json", views.fund_json, name="fund_json"),
    path("<slug:slug>/iati-activity.xml", views.iati_activity, name="iati_activity"),
    path("<slug:slug>/books/", views.books, name="books"),
]
