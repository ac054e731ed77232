from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from core import views as core_views

api_v1: list[URLPattern | URLResolver] = [
    path("", include("core.urls")),
    path("", include("accounts.urls")),
    path("civil/", include("civil.urls")),
    path("health/", include("health.urls")),
    path("market/", include("market.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("admin/", admin.site.urls),
    path("healthz", core_views.healthz, name="healthz"),
    # Public media (product photos, shop logos). With object storage these URLs point there.
    re_path(r"^media/(?P<path>(?:products|shops)/.+)$", core_views.public_media, name="media"),
    path("readyz", core_views.readyz, name="readyz"),
    # Prometheus; answered by core.middleware.ProbeMiddleware, closed to the public.
    path("metrics", core_views.metrics, name="metrics"),
    # Everything else is an app route: the PWA routes on the client.
    re_path(r"^(?!api/|admin/|static/|media/)(?P<path>.*)$", core_views.pwa_index, name="pwa"),
]
