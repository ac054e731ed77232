from django.urls import URLPattern, URLResolver, path

from civil import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("services/", views.ServiceListView.as_view(), name="civil-services"),
    path("stats/", views.StatsView.as_view(), name="civil-stats"),
    path("requests/", views.RequestListCreateView.as_view(), name="civil-requests"),
    path("requests/<uuid:pk>/", views.RequestDetailView.as_view(), name="civil-request"),
    path(
        "requests/<uuid:pk>/documents/",
        views.DocumentUploadView.as_view(),
        name="civil-request-documents",
    ),
    path(
        "requests/<uuid:pk>/documents/<uuid:document_pk>/file",
        views.DocumentFileView.as_view(),
        name="civil-request-document-file",
    ),
    path("requests/<uuid:pk>/receipt", views.ReceiptView.as_view(), name="civil-request-receipt"),
    *[
        path(f"requests/<uuid:pk>/{name}/", view.as_view(), name=f"civil-request-{name}")
        for name, view in views.ACTIONS.items()
    ],
]
