"""The docker/ deployment refers only to things that exist.

No container engine is needed: the compose file is parsed, every command is traced to
the module, settings or management command it runs, every variable it sets is one the
settings read, and the Dockerfile's paths and user are checked.
"""

from __future__ import annotations

import importlib
import os
import re
import shlex
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

REPO = Path(settings.REPO_DIR)
DOCKER = REPO / "docker"
COMPOSE = DOCKER / "compose.yaml"
DOCKERFILE = DOCKER / "Dockerfile"
APP_ROOT = "/app"  # where the Dockerfile puts the repository's files
APP_SERVICES = {"web", "worker", "beat", "migrate"}
# Read by a library rather than by config/settings.py.
LIBRARY_VARIABLES = {"PROMETHEUS_MULTIPROC_DIR", "DJANGO_SETTINGS_MODULE"}


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def services() -> dict[str, dict[str, Any]]:
    return compose()["services"]


def command_of(service: dict[str, Any]) -> list[str]:
    command = service.get("command")
    if command is None:
        return dockerfile_json("CMD")
    return shlex.split(command) if isinstance(command, str) else [str(c) for c in command]


def instructions() -> list[tuple[str, str]]:
    """Dockerfile instructions with continuation lines joined, comments dropped."""
    logical: list[str] = []
    current = ""
    for raw in DOCKERFILE.read_text().splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        logical.append(current + line)
        current = ""
    return [(text.split(None, 1)[0].upper(), text.split(None, 1)[1]) for text in logical]


def dockerfile_json(keyword: str) -> list[str]:
    import json

    (value,) = [arg for kw, arg in instructions() if kw == keyword][-1:]
    parsed = json.loads(value)
    assert isinstance(parsed, list)
    return [str(v) for v in parsed]


def in_repo(container_path: str) -> Path:
    assert container_path.startswith(APP_ROOT + "/"), container_path
    return REPO / container_path.removeprefix(APP_ROOT + "/")


def settings_variables() -> set[str]:
    """Every environment variable the settings (and the gunicorn config) read."""
    call = re.compile(
        r"(?:environ\.get|environ\[|env_bool|env_int|env_float|env_list|_int)\(?\s*"
        r"[\"']([A-Z0-9_]+)[\"']"
    )
    names: set[str] = set()
    for path in (
        REPO / "backend/config/settings.py",
        REPO / "backend/config/env.py",
        DOCKER / "gunicorn.conf.py",
    ):
        text = path.read_text()
        names |= set(call.findall(text))
        if path.name == "env.py":  # the optional S3 settings: {option: variable}
            block = text[text.index("optional = {") :].split("}", 1)[0]
            names |= set(re.findall(r'"[a-z_]+": "([A-Z0-9_]+)"', block))
    return names


def test_every_setting_is_documented() -> None:
    docs = (REPO / "docs/deploy.md").read_text() + (REPO / "README.md").read_text()
    undocumented = sorted(name for name in settings_variables() if f"`{name}`" not in docs)
    assert undocumented == []


# --- compose.yaml ------------------------------------------------------------------------


def test_compose_has_every_part_of_the_deployment() -> None:
    found = services()
    assert {
        "web",
        "worker",
        "beat",
        "migrate",
        "postgres",
        "redis",
        "minio",
        "minio-init",
    } <= set(found)
    assert found["web"]["deploy"]["replicas"] >= 2
    assert found["beat"].get("deploy", {}).get("replicas", 1) == 1  # exactly one scheduler
    assert found["migrate"]["restart"] == "no"
    for name in ("web", "worker", "beat"):
        depends = found[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        assert depends["postgres"]["condition"] == "service_healthy", name
        assert depends["redis"]["condition"] == "service_healthy", name
    assert found["minio-init"]["depends_on"]["minio"]["condition"] == "service_healthy"
    for name in APP_SERVICES:
        build = found[name]["build"]
        assert (COMPOSE.parent / build["context"] / build["dockerfile"]).resolve() == DOCKERFILE


def test_web_runs_gunicorn_with_the_config_and_the_wsgi_app() -> None:
    command = command_of(services()["web"])
    assert command[0] == "gunicorn"
    config = command[command.index("--config") + 1]
    assert in_repo(config).is_file()
    target = command[-1]
    module, _, attribute = target.partition(":")
    assert module == "config.wsgi"
    assert callable(getattr(importlib.import_module(module), attribute))
    assert command_of({}) == command  # the image's default command is the same


@pytest.mark.parametrize(("service", "subcommand"), [("worker", "worker"), ("beat", "beat")])
def test_worker_and_beat_run_the_celery_app(service: str, subcommand: str) -> None:
    command = command_of(services()[service])
    assert command[0] == "celery"
    module = command[command.index("--app") + 1]
    app = importlib.import_module(module).app
    assert app.main == "pintuwarga"
    assert command[command.index("--app") + 2] == subcommand
    if subcommand == "beat":
        schedule = command[command.index("--schedule") + 1]
        volumes = services()["beat"]["volumes"]
        assert any(schedule.startswith(v.split(":")[1]) for v in volumes)


def test_migrate_runs_management_commands_that_exist() -> None:
    command = command_of(services()["migrate"])
    assert command[:2] == ["sh", "-c"]
    steps = [shlex.split(step) for step in command[2].split("&&")]
    available = get_commands()
    assert steps[0][2] == "migrate"
    for step in steps:
        assert step[:2] == ["python", "manage.py"], step
        assert step[2] in available, step


def test_app_environment_is_read_by_the_settings() -> None:
    known = settings_variables() | LIBRARY_VARIABLES
    for name, service in services().items():
        if name not in APP_SERVICES:
            continue
        unknown = sorted(set(service.get("environment", {})) - known)
        assert unknown == [], f"{name} sets variables nothing reads: {unknown}"
    web_env = services()["web"]["environment"]
    for required in ("DATABASE_URL", "REDIS_URL", "S3_BUCKET_PUBLIC", "S3_BUCKET_PRIVATE"):
        assert required in web_env
    assert web_env["LOG_FORMAT"] == "json"
    assert web_env["CELERY_BROKER_URL"] != web_env["REDIS_URL"]  # a cache clear keeps tasks


def test_every_variable_in_the_compose_file_has_a_default_or_an_example() -> None:
    text = COMPOSE.read_text()
    example = (DOCKER / ".env.example").read_text()
    defined = set(re.findall(r"^([A-Z0-9_]+)=", example, re.M))
    for name, rest in re.findall(r"(?<!\$)\$\{([A-Z0-9_]+)(:?[-?][^}]*)?\}", text):
        assert rest.startswith((":-", "-")) or name in defined, name


def test_proxy_hides_metrics_and_reaches_the_web_replicas() -> None:
    proxy = services()["proxy"]
    source, target, *_ = proxy["volumes"][0].split(":")
    conf = (COMPOSE.parent / source).read_text()
    assert target == "/etc/nginx/conf.d/default.conf"
    assert re.search(r"location = /metrics \{ return 404; \}", conf)
    assert "http://web:8000" in conf
    assert "8000" in services()["web"]["expose"]
    limit = int(re.search(r"client_max_body_size (\d+)m;", conf).group(1))  # type: ignore[union-attr]
    assert limit * 1024 * 1024 > settings.API_MAX_UPLOAD_BYTES


# --- Dockerfile --------------------------------------------------------------------------


def test_dockerfile_builds_the_pwa_then_the_app() -> None:
    steps = instructions()
    stages = [arg for kw, arg in steps if kw == "FROM"]
    assert len(stages) == 2
    assert stages[0].startswith("node:20") and stages[0].endswith(" AS pwa")
    assert stages[1].startswith("python:3.11-slim")
    runs = [arg for kw, arg in steps if kw == "RUN"]
    assert any("npm ci" in run for run in runs)
    assert any("npm run build" in run for run in runs)
    assert any("pip install" in run and "requirements.lock" in run for run in runs)
    collect = next(run for run in runs if "collectstatic" in run)
    assert "SECRET_KEY=" in collect
    # Stage 1 builds in /src/pwa; vite writes ../backend/pwa_build.
    vite = (REPO / "pwa/vite.config.ts").read_text()
    assert "outDir: '../backend/pwa_build'" in vite
    copy_from = next(arg for kw, arg in steps if kw == "COPY" and arg.startswith("--from=pwa"))
    assert copy_from.split()[1].rstrip("/") == "/src/backend/pwa_build"
    assert copy_from.split()[2].rstrip("/") == "backend/pwa_build"


def test_dockerfile_copies_only_paths_that_exist() -> None:
    for keyword, arg in instructions():
        if keyword != "COPY" or arg.startswith("--from"):
            continue
        *sources, _destination = arg.split()
        for source in sources:
            assert (REPO / source).exists(), source


def test_image_runs_as_a_non_root_user_with_a_health_check() -> None:
    steps = instructions()
    users = [arg for kw, arg in steps if kw == "USER"]
    assert users, "no USER"
    last_user = users[-1].split(":")[0]
    assert last_user not in {"root", "0"}
    assert int(last_user) >= 1000
    # Nothing after USER switches back or runs as root.
    after = steps[[i for i, (kw, _a) in enumerate(steps) if kw == "USER"][-1] + 1 :]
    assert not [kw for kw, _a in after if kw in {"RUN", "USER", "COPY", "ADD"}]
    health = next(arg for kw, arg in steps if kw == "HEALTHCHECK")
    script = re.search(r'"(/app/docker/healthcheck\.py)"', health).group(1)  # type: ignore[union-attr]
    assert "/healthz" in in_repo(script).read_text()
    entrypoint = dockerfile_json("ENTRYPOINT")
    assert os.access(in_repo(entrypoint[0]), os.X_OK)
    syntax = subprocess.run(["sh", "-n", str(in_repo(entrypoint[0]))], check=False)
    assert syntax.returncode == 0


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    ignored = set((REPO / ".dockerignore").read_text().split())
    assert {".venv", "var", "pwa/node_modules", "backend/pwa_build", "docker/.env"} <= ignored


# --- gunicorn and the health check -------------------------------------------------------


def test_gunicorn_config_is_valid(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env.update(
        {
            "SECRET_KEY": "k",
            "PINTUWARGA_VAR_DIR": str(tmp_path),
            "GUNICORN_WORKERS": "3",
            "LOG_FORMAT": "json",
            # Its own metrics directory: another gunicorn on this machine may own the default.
            "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        }
    )
    (tmp_path / "metrics").mkdir()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    result = subprocess.run(
        [str(gunicorn), "--check-config", "--print-config", "-c", str(DOCKER / "gunicorn.conf.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = dict(
        re.findall(r"^(\w+)\s+= (.*)$", result.stdout, re.M)  # "name   = value" lines
    )
    assert config["workers"] == "3"
    assert config["worker_class"] == "gthread"
    assert config["wsgi_app"] == "config.wsgi:application"
    assert config["accesslog"] == "None"
    assert int(config["timeout"]) <= 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_health_check_script(live_server: Any) -> None:
    script = str(DOCKER / "healthcheck.py")
    port = live_server.url.rsplit(":", 1)[1]
    up = subprocess.run([sys.executable, script], env={"PORT": port}, timeout=30, check=False)
    assert up.returncode == 0
    down = subprocess.run(
        [sys.executable, script], env={"PORT": str(_free_port())}, timeout=30, check=False
    )
    assert down.returncode == 1
