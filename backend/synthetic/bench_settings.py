"""Settings for load tests: the app's settings with the benchmark routes switched on.

``DJANGO_SETTINGS_MODULE=synthetic.bench_settings``; everything else comes from the
environment exactly as in ``config.settings``.
"""

from config.settings import *  # noqa: F403

BENCHMARK_ENDPOINTS = True
ROOT_URLCONF = "synthetic.bench_urls"
