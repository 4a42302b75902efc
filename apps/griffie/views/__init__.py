"""The griffie's pages, one module per domain (raadsvoorstellen, memos, vergaderingen, besluiten, moties); `algemeen`
holds what they share and the dashboard.

Thin views: read the request, validate the form, call one service or selector, render.
"""

from .algemeen import (
    _actie_uitvoeren,
    _conflict,
    _formulier,
    _fout_op_formulier,
    _of_404,
    _opslaan,
    bijlage_verwijderen,
    dashboard,
    griffie_vereist,
)
from .besluiten import (
    besluit,
    besluit_actie,
    besluit_bewerken,
    besluit_publiceren,
    besluit_rectificeren,
    besluit_registreren,
    besluiten,
)
from .memos import memo, memo_formulier, memo_verwijderen, memos
from .raadsvoorstellen import raadsvoorstel, raadsvoorstel_actie, raadsvoorstel_formulier, raadsvoorstellen
from .vergaderingen import (
    agendapunt_formulier,
    agendapunt_verplaatsen,
    agendapunt_verwijderen,
    vergadering,
    vergadering_actie,
    vergadering_formulier,
    vergaderingen,
)

__all__ = [
    "_actie_uitvoeren",
    "_conflict",
    "_formulier",
    "_fout_op_formulier",
    "_of_404",
    "_opslaan",
    "agendapunt_formulier",
    "agendapunt_verplaatsen",
    "agendapunt_verwijderen",
    "besluit",
    "besluit_actie",
    "besluit_bewerken",
    "besluit_publiceren",
    "besluit_rectificeren",
    "besluit_registreren",
    "besluiten",
    "bijlage_verwijderen",
    "dashboard",
    "griffie_vereist",
    "memo",
    "memo_formulier",
    "memo_verwijderen",
    "memos",
    "raadsvoorstel",
    "raadsvoorstel_actie",
    "raadsvoorstel_formulier",
    "raadsvoorstellen",
    "vergadering",
    "vergadering_actie",
    "vergadering_formulier",
    "vergaderingen",
]
