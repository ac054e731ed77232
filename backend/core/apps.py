from typing import Any

from django.apps import AppConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


def _forget_request_id(**kwargs: Any) -> None:
    from core.log import request_id_var

    request_id_var.set("")


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Inti")

    def ready(self) -> None:
        request_finished.connect(_forget_request_id, dispatch_uid="core.forget_request_id")
