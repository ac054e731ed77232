"""Media on S3-compatible storage (moto stands in for MinIO or S3): public photos in the
public bucket with plain URLs, civil documents only in the private bucket and only
through the permission-checked view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws
from rest_framework.test import APIClient

from accounts.models import Role, User
from config.env import storage_settings
from tests.civil.conftest import create_draft, upload
from tests.factories import make_user
from tests.market.conftest import open_shop, published_product

pytestmark = pytest.mark.django_db

PUBLIC, PRIVATE = "pw-test-public", "pw-test-private"
ENV = {
    "S3_BUCKET_PUBLIC": PUBLIC,
    "S3_BUCKET_PRIVATE": PRIVATE,
    "S3_ACCESS_KEY_ID": "testing",
    "S3_SECRET_ACCESS_KEY": "testing",
    "S3_REGION": "us-east-1",
}


@pytest.fixture
def buckets(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    for name in ("AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.delenv(name, raising=False)
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=PUBLIC)
        s3.create_bucket(Bucket=PRIVATE)
        settings.STORAGES = storage_settings(
            {**ENV, "S3_PUBLIC_URL": "https://media.pintuwarga.example"},
            private_root=tmp_path,
            static_backend=settings.STORAGES["staticfiles"]["BACKEND"],
        )
        yield s3


def keys(s3: Any, bucket: str) -> list[str]:
    return [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_product_photos_go_to_the_public_bucket_with_plain_urls(
    buckets: Any, login: Callable[[User], APIClient]
) -> None:
    from accounts.services import assign_role
    from market import services

    officer = make_user(full_name="Petugas UMKM")
    assign_role(user=officer, role=Role.MARKET_OFFICER)
    seller = make_user(full_name="Ani Penjual", sex="F")
    shop = services.moderate_shop(officer=officer, shop=open_shop(seller), action="verify")
    product = published_product(shop, officer)

    stored = keys(buckets, PUBLIC)
    assert stored and all(key.startswith("products/") for key in stored)
    assert keys(buckets, PRIVATE) == []
    head = buckets.head_object(Bucket=PUBLIC, Key=stored[0])
    assert head["CacheControl"] == "public, max-age=31536000, immutable"

    body = APIClient().get(f"/api/v1/market/products/{product.pk}/").json()
    src = body["photos"][0]["src"]
    assert src.startswith("https://media.pintuwarga.example/products/")
    assert "Signature" not in src and "X-Amz" not in src


def test_civil_documents_stay_in_the_private_bucket(
    buckets: Any, login: Callable[[User], APIClient], resident: User
) -> None:
    client = login(resident)
    draft = create_draft(client)
    response = upload(client, draft["id"], draft["required_documents"][0]["code"])
    assert response.status_code == 201, response.content
    document = response.json()

    stored = keys(buckets, PRIVATE)
    assert len(stored) == 1 and stored[0].startswith(f"civil/{draft['id']}/")
    assert keys(buckets, PUBLIC) == []
    head = buckets.head_object(Bucket=PRIVATE, Key=stored[0])
    assert head["CacheControl"] == "private, no-store"
    acl = buckets.get_object_acl(Bucket=PRIVATE, Key=stored[0])
    assert not [g for g in acl["Grants"] if "AllUsers" in str(g.get("Grantee", {}))]

    # The app streams it after checking who asks; nobody gets a link into the bucket.
    assert document["url"].startswith("/api/v1/civil/requests/")
    streamed = client.get(document["url"])
    assert streamed.status_code == 200
    content = b"".join(streamed.streaming_content)  # type: ignore[attr-defined]
    assert content == buckets.get_object(Bucket=PRIVATE, Key=stored[0])["Body"].read()
    stranger = login(make_user(full_name="Orang Lain"))
    assert stranger.get(document["url"]).status_code == 404
