"""Thin views: parse, call a service or selector, serialize."""

from __future__ import annotations

from typing import Any

from django.utils.translation import activate
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from accounts import selectors, services
from accounts.models import User
from accounts.serializers import (
    AuthResponseSerializer,
    LoginSerializer,
    LogoutSerializer,
    MeSerializer,
    MeUpdateSerializer,
    PasswordChangeSerializer,
    RefreshSerializer,
    RegisterSerializer,
    TokenPairSerializer,
)
from core.idempotency import IDEMPOTENCY_PARAMETER, idempotent


def _auth_payload(user: User) -> dict[str, Any]:
    return {**services.issue_tokens(user), "user": MeSerializer(selectors.profile(user)).data}


class RegisterView(APIView):
    """A resident creates her account with her NIK and phone number."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "register"

    @extend_schema(
        request=RegisterSerializer,
        responses={201: AuthResponseSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        operation_id="auth_register",
    )
    @idempotent(secret_fields=("access", "refresh"))
    def post(self, request: Request) -> Response:
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.register_resident(**serializer.validated_data, request=request)
        return Response(_auth_payload(user), status=status.HTTP_201_CREATED)

    def replay_idempotent(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """A replay (same key, same body, so same password) gets fresh tokens."""
        user = User.objects.get(pk=body["user"]["id"])
        return {**services.issue_tokens(user), "user": body["user"]}


class PublicAuthView(APIView):
    """No credentials are read here, yet refusals are 401 (Bearer), not 403."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    def get_authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class TokenView(PublicAuthView):
    """Log in with NIK or phone number and password."""

    @extend_schema(
        request=LoginSerializer, responses={200: AuthResponseSerializer}, operation_id="auth_token"
    )
    def post(self, request: Request) -> Response:
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.login(**serializer.validated_data, request=request)
        return Response(_auth_payload(user))


class TokenRefreshView(PublicAuthView):
    @extend_schema(
        request=RefreshSerializer,
        responses={200: TokenPairSerializer},
        operation_id="auth_token_refresh",
    )
    def post(self, request: Request) -> Response:
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(services.refresh_tokens(refresh=serializer.validated_data["refresh"]))


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=LogoutSerializer, responses={204: None}, operation_id="auth_logout")
    def post(self, request: Request) -> Response:
        serializer = LogoutSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.logout(
            user=request.user,  # type: ignore[arg-type]
            refresh=serializer.validated_data["refresh"],
            request=request,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordChangeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=PasswordChangeSerializer,
        responses={200: TokenPairSerializer},
        operation_id="auth_password_change",
    )
    def post(self, request: Request) -> Response:
        serializer = PasswordChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tokens = services.change_password(
            user=request.user,  # type: ignore[arg-type]
            **serializer.validated_data,
            request=request,
        )
        return Response(tokens)


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=MeSerializer, operation_id="me_retrieve")
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(selectors.profile(request.user)).data)  # type: ignore[arg-type]

    @extend_schema(request=MeUpdateSerializer, responses=MeSerializer, operation_id="me_update")
    def patch(self, request: Request) -> Response:
        serializer = MeUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = services.update_profile(
            user=request.user,  # type: ignore[arg-type]
            data=serializer.validated_data,
            request=request,
        )
        if "language" in serializer.validated_data:
            activate(user.language)
        return Response(MeSerializer(selectors.profile(user)).data)
