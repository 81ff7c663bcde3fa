"""The schedule's addresses, under /programme/ beside the programme's (they never changed)."""

from django.urls import path

from igf.schedule import views

app_name = "schedule"

urlpatterns = [
    # The schedule, public.
    path("meetings/<slug:slug>/schedule/", views.schedule, name="schedule"),
    path("meetings/<slug:slug>/schedule/timetable/", views.timetable, name="timetable"),
    path("meetings/<slug:slug>/schedule/now/", views.now_and_next, name="now_and_next"),
    path("meetings/<slug:slug>/hubs/", views.hubs, name="hubs"),
    path("meetings/<slug:slug>/hubs/register/", views.register_hub, name="register_hub"),
    path(
        "meetings/<slug:slug>/schedule/changes/",
        views.schedule_changes,
        name="schedule_changes",
    ),
    path(
        "meetings/<slug:slug>/schedule.<str:fmt>",
        views.schedule_export,
        name="schedule_export",
    ),
    path("meetings/<slug:slug>/rooms/<int:room>.ics", views.room_calendar, name="room_calendar"),
    path(
        "meetings/<slug:slug>/themes/<int:theme>.ics",
        views.theme_calendar,
        name="theme_calendar",
    ),
    path("meetings/<slug:slug>/agenda/", views.agenda, name="agenda"),
    path("meetings/<slug:slug>/agenda/<str:token>.ics", views.agenda_feed, name="agenda_feed"),
    path("meetings/<slug:slug>/register/", views.register, name="register"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/star/", views.star, name="star"),
    path("sessions/<int:pk>/unavailable/", views.unavailability, name="unavailability"),
    # The schedule, for the secretariat.
    path("meetings/<slug:slug>/schedule/edit/", views.editor, name="schedule_editor"),
    path(
        "meetings/<slug:slug>/schedule/edit/sessions/<int:pk>/",
        views.edit_session,
        name="schedule_edit_session",
    ),
    path("meetings/<slug:slug>/schedule/solve/", views.solve, name="schedule_solve"),
    path("meetings/<slug:slug>/schedule/grids/", views.grids, name="schedule_grids"),
    path("meetings/<slug:slug>/schedule/publish/", views.publish, name="schedule_publish"),
]
