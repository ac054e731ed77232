from django.urls import path

from core import views

urlpatterns = [
    path("config/", views.AppConfigView.as_view(), name="config"),
    path("regions/districts/", views.DistrictListView.as_view(), name="districts"),
    path("regions/villages/", views.VillageListView.as_view(), name="villages"),
    path("notifications/", views.NotificationListView.as_view(), name="notifications"),
    path(
        "notifications/read-all/",
        views.NotificationReadAllView.as_view(),
        name="notifications-read-all",
    ),
    path(
        "notifications/<uuid:pk>/read/",
        views.NotificationReadView.as_view(),
        name="notification-read",
    ),
]
