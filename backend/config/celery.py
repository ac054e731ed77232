"""The Celery app: ``celery -A config worker`` and ``celery -A config beat``.

Settings are the Django settings named ``CELERY_*`` (see ``config/settings.py``): the
broker is Redis (``REDIS_URL``) in the scaled deployment; without one, tasks run inline
(``task_always_eager``). Tasks live in each app's ``tasks.py``.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("pintuwarga")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
