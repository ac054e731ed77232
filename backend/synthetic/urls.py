"""Benchmark-only routes; the views answer 404 unless BENCHMARK_ENDPOINTS is on."""

from django.urls import path

from synthetic import views

urlpatterns = [path("bare/", views.BareView.as_view(), name="bench-bare")]
