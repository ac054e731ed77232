"""HTTP caching of public, anonymous reads: ETag and Cache-Control."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.utils.cache import patch_cache_control, patch_vary_headers
from rest_framework.request import Request
from rest_framework.response import Response


def public_cache(max_age: int = 60) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """For anonymous GETs: a strong ETag, ``Cache-Control: public`` and 304 on a match.

    Logged-in users get ``private, no-cache``: their view may include their own drafts.
    """

    def decorator(view_method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view_method)
        def wrapper(view: Any, request: Request, *args: Any, **kwargs: Any) -> Any:
            response = view_method(view, request, *args, **kwargs)
            if not isinstance(response, Response) or response.status_code != 200:
                return response
            patch_vary_headers(response, ("Accept-Language", "Authorization"))
            if request.user.is_authenticated:
                patch_cache_control(response, private=True, no_cache=True)
                return response
            body = json.dumps(response.data, sort_keys=True, default=str, ensure_ascii=False)
            language = request.headers.get("Accept-Language", "")
            etag = '"' + hashlib.sha256(f"{language}|{body}".encode()).hexdigest()[:32] + '"'
            response["ETag"] = etag
            patch_cache_control(response, public=True, max_age=max_age)
            if etag in {tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")}:
                not_modified = Response(status=304)
                not_modified["ETag"] = etag
                patch_cache_control(not_modified, public=True, max_age=max_age)
                patch_vary_headers(not_modified, ("Accept-Language", "Authorization"))
                return not_modified
            return response

        return wrapper

    return decorator
