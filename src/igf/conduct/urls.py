"""The code of conduct's addresses, under /conduct/."""

from django.urls import path

from igf.conduct import views

app_name = "conduct"

urlpatterns = [
    path("", views.code, name="code"),
    path("versions/<int:version>/", views.version, name="version"),
    path("accept/", views.accept, name="accept"),
    path("report/<str:kind>/<int:object_id>/", views.report_content, name="report_content"),
    path("report/meeting/", views.report_meeting, name="report_meeting"),
    path("reports/", views.reports, name="reports"),
    path("reports/<int:pk>/", views.report, name="report"),
]
