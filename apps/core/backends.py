"""Authentication backend: Django's ModelBackend, plus the portal role loaded with the user.

Every logged-in request loads the user; annotating the two group memberships the portal knows
(griffie, raadslid) onto that same query saves a groups query on every page.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from .permissions import GRIFFIE, RAADSLID


class PortaalBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        lidmaatschap = User.groups.through.objects.filter(user_id=OuterRef("pk"))
        try:
            user = User._default_manager.annotate(
                _in_griffie=Exists(lidmaatschap.filter(group__name=GRIFFIE)),
                _in_raadslid=Exists(lidmaatschap.filter(group__name=RAADSLID)),
            ).get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
