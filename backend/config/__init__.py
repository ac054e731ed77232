"""Django project configuration. The Celery app is loaded with Django so that tasks
declared with ``shared_task`` use it."""

from config.celery import app as celery_app

__all__ = ("celery_app",)
