from django.urls import path

from igf.programme import views
from igf.programme.reports import views as reports
from igf.programme.schedule import views as schedule

app_name = "programme"

urlpatterns = [
    path("", views.index, name="index"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting"),
    path("calls/<int:pk>/", views.call_detail, name="call"),
    path("calls/<int:pk>/statistics/", views.call_statistics, name="call_statistics"),
    path("calls/<int:pk>/propose/", views.propose, name="propose"),
    path("calls/<int:pk>/manage/", views.manage_call, name="manage_call"),
    path("calls/<int:pk>/assignments/", views.assignments, name="assignments"),
    path("calls/<int:pk>/ranking/", views.ranking, name="ranking"),
    path("calls/<int:pk>/publish/", views.publish_results, name="publish"),
    path("proposals/mine/", views.my_proposals, name="my_proposals"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/edit/", views.edit_proposal, name="edit_proposal"),
    path("proposals/<int:pk>/withdraw/", views.withdraw_proposal, name="withdraw_proposal"),
    path("proposals/<int:pk>/decision/", views.decide, name="decide"),
    path("confirm/<str:token>/", views.confirm_participation, name="confirm"),
    path("reviews/", views.review_list, name="reviews"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("reviews/<int:pk>/conflict/", views.declare_conflict, name="conflict"),
    # The schedule, public.
    path("meetings/<slug:slug>/schedule/", schedule.schedule, name="schedule"),
    path(
        "meetings/<slug:slug>/schedule/changes/",
        schedule.schedule_changes,
        name="schedule_changes",
    ),
    path(
        "meetings/<slug:slug>/schedule.<str:fmt>",
        schedule.schedule_export,
        name="schedule_export",
    ),
    path("meetings/<slug:slug>/rooms/<int:room>.ics", schedule.room_calendar, name="room_calendar"),
    path(
        "meetings/<slug:slug>/themes/<int:theme>.ics",
        schedule.theme_calendar,
        name="theme_calendar",
    ),
    path("meetings/<slug:slug>/agenda/", schedule.agenda, name="agenda"),
    path("meetings/<slug:slug>/agenda/<str:token>.ics", schedule.agenda_feed, name="agenda_feed"),
    path("sessions/<int:pk>/", schedule.session_detail, name="session"),
    path("sessions/<int:pk>/star/", schedule.star, name="star"),
    # The schedule, for the secretariat.
    path("meetings/<slug:slug>/schedule/edit/", schedule.editor, name="schedule_editor"),
    path(
        "meetings/<slug:slug>/schedule/edit/sessions/<int:pk>/",
        schedule.edit_session,
        name="schedule_edit_session",
    ),
    path("meetings/<slug:slug>/schedule/solve/", schedule.solve, name="schedule_solve"),
    path("meetings/<slug:slug>/schedule/grids/", schedule.grids, name="schedule_grids"),
    path("meetings/<slug:slug>/schedule/publish/", schedule.publish, name="schedule_publish"),
    # During and after the meeting.
    path("meetings/<slug:slug>/register/", reports.register, name="register"),
    path("meetings/<slug:slug>/statistics/", reports.statistics, name="statistics"),
    path("meetings/<slug:slug>/reports/", reports.compliance, name="report_compliance"),
    path("sessions/<int:pk>/report/", reports.session_report, name="session_report"),
    path("sessions/<int:pk>/manage/", reports.manage_session, name="manage_session"),
    path("transcripts/<int:pk>/", reports.transcript, name="transcript"),
]
