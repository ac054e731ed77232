#!/bin/sh
# Runs the container's command from the Django project directory.
#   (default)  gunicorn --config /app/docker/gunicorn.conf.py config.wsgi:application
#   worker     celery --app config.celery worker
#   beat       celery --app config.celery beat   (exactly one in the whole deployment)
#   migrate    python manage.py migrate ...
set -eu
cd /app/backend
exec "$@"
