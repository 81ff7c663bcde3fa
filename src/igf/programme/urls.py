from django.urls import path

from igf.programme import views

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
]
