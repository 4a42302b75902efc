import datetime

import pytest

from apps.memos.forms import MemoForm
from apps.vergaderagenda.models import Vergadering
from tests.factories import GremiumFactory, MemoFactory

pytestmark = pytest.mark.django_db


def test_memo_form_offers_recent_meetings_but_accepts_any(monkeypatch):
    monkeypatch.setattr("apps.memos.forms.KEUZE_VERGADERINGEN", 3)
    gremium = GremiumFactory()
    vergaderingen = [
        Vergadering.objects.create(
            gremium=gremium, titel=f"Commissie {i}", datum=datetime.date(2020, 1, 1) + datetime.timedelta(days=i)
        )
        for i in range(6)
    ]
    oudste = vergaderingen[0]
    memo = MemoFactory(beantwoordt_vergadering=oudste)
    form = MemoForm(instance=memo)
    aangeboden = [waarde for waarde, _label in form.fields["beantwoordt_vergadering"].widget.choices if waarde]
    assert aangeboden == [vergaderingen[5].pk, vergaderingen[4].pk, vergaderingen[3].pk, oudste.pk]
    assert form.fields["beantwoordt_vergadering"].queryset.filter(pk=vergaderingen[1].pk).exists()
