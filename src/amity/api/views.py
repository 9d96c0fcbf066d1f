from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from amity.accounts.models import ApiToken
from amity.accounts.services import confirmed_device, create_api_token
from amity.core.registry import registry


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"})
    otp_token = serializers.CharField(
        required=False, help_text="The TOTP code; required for system administrators."
    )

    def validate(self, attrs):
        from django.contrib.auth import authenticate

        # django-axes marks a locked-out caller on Django's request, where its middleware answers
        # 429; on DRF's wrapper the mark was lost, and the lock looked like a wrong password.
        request = self.context["request"]._request
        user = authenticate(request, username=attrs["username"], password=attrs["password"])
        if user is None or not user.is_active:
            raise serializers.ValidationError(_("The user name or password is not correct."))
        if user.requires_two_factor:
            device = confirmed_device(user)
            code = attrs.get("otp_token", "")
            if device is None or not code.isdigit() or not device.verify_token(code):
                raise serializers.ValidationError(
                    {"otp_token": _("A valid two-factor code is required for this account.")}
                )
        attrs["user"] = user
        return attrs


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()


class ObtainTokenView(APIView):
    """Exchange a user name and password (and a TOTP code for admins) for an API token."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(request=TokenRequestSerializer, responses=TokenResponseSerializer)
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        _token, key = create_api_token(serializer.validated_data["user"])
        return Response({"token": key}, status=status.HTTP_200_OK)


class ApiTokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "prefix", "created_at", "last_used_at", "expires_at"]
        read_only_fields = fields


class ApiTokenViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """The caller's own API tokens (never their keys): list them, revoke one with DELETE."""

    serializer_class = ApiTokenSerializer
    filter_backends = []

    def get_queryset(self):
        return ApiToken.objects.live().filter(user=self.request.user)


class ApiRootView(APIView):
    """The API's domains; each lists its collections."""

    def get(self, request):
        return Response(
            {
                # every domain that offers an API, as its registry.py declares it
                **{
                    app.label: reverse(f"api:{app.label}-root", request=request)
                    for app in registry.apps()
                    if app.has_api
                },
                "schema": reverse("api:schema", request=request),
                "docs": reverse("api:docs", request=request),
            }
        )
