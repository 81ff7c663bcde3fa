"""The outcomes' addresses, under /programme/ beside the programme's (they never changed)."""

from django.urls import path

from igf.outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("meetings/<slug:slug>/statistics/", views.statistics, name="statistics"),
    path("meetings/<slug:slug>/reports/", views.compliance, name="report_compliance"),
    path("sessions/<int:pk>/report/", views.session_report, name="session_report"),
    path("sessions/<int:pk>/manage/", views.manage_session, name="manage_session"),
    path("transcripts/<int:pk>/", views.transcript, name="transcript"),
    path("transcripts/", views.search_transcripts, name="transcript_search"),
    path("archive/", views.archive_index, name="archive"),
    path("archive/<int:year>/", views.archive_year, name="archive_year"),
]
