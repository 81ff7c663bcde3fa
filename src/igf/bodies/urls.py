from django.urls import path

from igf.bodies import views

app_name = "bodies"

urlpatterns = [
    path("", views.body_list, name="list"),
    path("composition.json", views.composition_json, name="composition_json"),
    path("composition.csv", views.composition_csv, name="composition_csv"),
    path("types/<slug:type_slug>/", views.type_comparison, name="type"),
    path("initiatives/", views.initiatives, name="initiatives"),
    path("proposals/", views.proposal_list, name="proposals"),
    path("proposals/new/", views.propose, name="propose"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("nominations/<int:pk>/", views.nomination, name="nomination"),
    path("list/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<str:slug>/", views.body_detail, name="body"),
    path("<str:slug>/composition.json", views.body_composition_json, name="body_composition"),
    path("<str:slug>/members/history/", views.membership_history, name="history"),
    path("<str:slug>/members/appoint/", views.appoint, name="appoint"),
    path("<str:slug>/members/<int:pk>/end/", views.end_membership, name="end_membership"),
    path("<str:slug>/join/", views.join, name="join"),
    path("<str:slug>/leave/", views.leave, name="leave"),
    path("<str:slug>/rotation/", views.rotation, name="rotation"),
    path("<str:slug>/terms/", views.terms_latest, name="terms_latest"),
    path("<str:slug>/terms/compare/", views.terms_compare, name="terms_compare"),
    path("<str:slug>/terms/adopt/", views.adopt_terms, name="adopt_terms"),
    path("<str:slug>/terms/<int:version>/", views.terms, name="terms"),
    path("<str:slug>/calls/<int:pk>/", views.call_detail, name="call"),
    path("<str:slug>/calls/<int:pk>/select/", views.call_select, name="call_select"),
    path("<str:slug>/reports/", views.reports, name="reports"),
    path("<str:slug>/reports/<int:year>.pdf", views.report_file, name="report_file"),
    path("<str:slug>/workplan/", views.workplan, name="workplan"),
    path("<str:slug>/workplan.ics", views.workplan_ics, name="workplan_ics"),
    path("<str:slug>/workplan/<int:pk>/", views.milestone_edit, name="milestone"),
    path("<str:slug>/list/", views.mailing_list, name="list_archive"),
    path("<str:slug>/list/subscribe/", views.subscribe, name="subscribe"),
]
