"""Settings come from the environment and refuse to run insecurely."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def _django_setup(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.update({"PINTUWARGA_VAR_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        cwd=settings.BACKEND_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_secret_key_is_required_when_debug_is_off(tmp_path: Path) -> None:
    result = _django_setup(tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_secret_key_from_environment_or_debug(tmp_path: Path) -> None:
    assert _django_setup(tmp_path, SECRET_KEY="from-env").stdout.strip() == "ok"
    assert _django_setup(tmp_path, DEBUG="1").stdout.strip() == "ok"


def test_debug_is_off_by_default() -> None:
    assert settings.DEBUG is False
