from django.urls import path

from igf.opinions import views

app_name = "opinions"

urlpatterns = [
    path("", views.conversation_list, name="conversations"),
    path("new/", views.create_conversation, name="create"),
    path("<str:slug>/", views.conversation_detail, name="conversation"),
    path("<str:slug>/vote/", views.vote, name="vote"),
    path("<str:slug>/statements/", views.add_statement, name="add_statement"),
    path("<str:slug>/my-votes/", views.my_votes, name="my_votes"),
    path(
        "<str:slug>/statements/<int:number>/withdraw/",
        views.withdraw_statement,
        name="withdraw_statement",
    ),
    path("<str:slug>/results/", views.results, name="results"),
    path("<str:slug>/report/", views.report, name="report"),
    path("<str:slug>/moderate/", views.moderate, name="moderate"),
    path(
        "<str:slug>/statements/<int:number>/moderate/",
        views.moderate_statement,
        name="moderate_statement",
    ),
    path("<str:slug>/status/", views.change_status, name="status"),
    path("<str:slug>/settings/", views.edit_conversation, name="settings"),
    path("<str:slug>/export/<str:name>.csv", views.export, name="export"),
    path("<str:slug>/import/", views.import_polis, name="import"),
]
