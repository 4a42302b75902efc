"""Authentication backend: Django's ModelBackend, plus the portal role loaded with the user.

Every logged-in request loads the user; annotating the two group memberships the portal knows
(griffie, raadslid) onto that same query saves a groups query on every page. The query is written
out once per process (table and column names from the models' meta) and run as a raw query: building
it with the ORM on every request cost more than running it (measured on logged-in pages under load).
"""

import functools

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db import connection

from .permissions import GRIFFIE, RAADSLID


@functools.cache
def _gebruiker_sql() -> str:
    User = get_user_model()
    q = connection.ops.quote_name
    koppel = User.groups.through._meta
    lid = (
        f"SELECT 1 FROM {q(koppel.db_table)} k JOIN {q(Group._meta.db_table)} g "
        f"ON g.{q(Group._meta.pk.column)} = k.{q(koppel.get_field('group').column)} "
        f"WHERE k.{q(koppel.get_field('user').column)} = u.{q(User._meta.pk.column)} AND g.{q('name')} = %s"
    )
    return (
        f"SELECT u.*, EXISTS ({lid}) AS {q('_in_griffie')}, EXISTS ({lid}) AS {q('_in_raadslid')} "
        f"FROM {q(User._meta.db_table)} u WHERE u.{q(User._meta.pk.column)} = %s"
    )


class PortaalBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        gevonden = list(User._default_manager.raw(_gebruiker_sql(), [GRIFFIE, RAADSLID, user_id]))
        if not gevonden:
            return None
        user = gevonden[0]
        user._in_griffie, user._in_raadslid = bool(user._in_griffie), bool(user._in_raadslid)  # SQLite: 0/1
        return user if self.user_can_authenticate(user) else None
