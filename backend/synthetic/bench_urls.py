"""The app's routes plus the benchmark routes, for ``synthetic.bench_settings``."""

from typing import cast

from django.urls import URLPattern, URLResolver, include, path

from config.urls import urlpatterns as _app_urlpatterns

app_urlpatterns = cast(list[URLPattern | URLResolver], _app_urlpatterns)

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/bench/", include("synthetic.urls")),
    *app_urlpatterns,
]
