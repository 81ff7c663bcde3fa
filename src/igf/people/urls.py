from django.urls import path

from igf.people import views

app_name = "people"

urlpatterns = [
    path("me/profile/", views.edit_profile, name="edit_profile"),
    path("me/data.json", views.export_data, name="export_data"),
    path("me/delete/", views.erase_account, name="erase_account"),
    path("timezone/", views.choose_timezone, name="timezone"),
    path("people/<uuid:public_id>/", views.person_detail, name="person"),
    path("people/<uuid:public_id>/photo.jpg", views.person_photo, name="photo"),
    path("organisations/", views.organization_list, name="organizations"),
    path("organisations/<str:slug>/", views.organization_detail, name="organization"),
    path("staff/people/balance/", views.people_balance, name="balance"),
]
