"""The search index for the scale dataset, built in bulk: one INSERT ... SELECT per kind of document.

It writes the same documents as the domain apps' builders (apps/*/search.py; apps.core.search's rebuild goes
row by row through Python, which takes far too long for a million documents): the same title, text, address,
date, zaaknummer and visibility, and the same weighted vector (zaaknummer + title weight A, text weight B, text
search configuration `dutch_unaccent`). The GIN index is dropped during the load and created again afterwards,
which is many times faster than updating it row by row. PostgreSQL only; other databases use the ordinary
rebuild (the tests run it at a small size).
"""

from django.db import connection
from django.urls import reverse

from apps.besluiten.models import Besluit
from apps.core.search import ZOEKCONFIG
from apps.memos.models import Memo
from apps.raadsvoorstellen.models import Raadsvoorstel

PLAATS_ZAAK = "L0000000"


def _url_sql(naam: str, plaats: str, kolom: str, **kwargs) -> str:
    """A SQL expression for the address: the URL reversed with a placeholder, the placeholder replaced by a column."""
    url = reverse(naam, kwargs=kwargs)
    return f" || {kolom} || ".join(_lit(d) for d in url.split(plaats))


def _lit(tekst) -> str:
    """A SQL string literal (for labels from the models, never user input)."""
    return "'" + str(tekst).replace("'", "''").replace("%", "%%") + "'"


def _keuze_sql(kolom: str, model, veld: str) -> str:
    keuzes = model._meta.get_field(veld).choices
    takken = " ".join(f"WHEN {_lit(waarde)} THEN {_lit(label)}" for waarde, label in keuzes)
    return f"(CASE {kolom} {takken} ELSE '' END)"


def _vector(titel_sql="d.zaaknummer || ' ' || d.titel") -> str:
    return (
        f"setweight(to_tsvector('{ZOEKCONFIG}', coalesce({titel_sql}, '')), 'A') || "
        f"setweight(to_tsvector('{ZOEKCONFIG}', coalesce(d.tekst, '')), 'B')"
    )


def zoekindex_bulk(*, vanaf: dict, uitvoer=None) -> dict[str, int]:
    """Index every besluit, raadsvoorstel, memo and agendapunt with id >= vanaf[<soort>]."""
    from apps.core.models import Zoekdocument

    tabel = Zoekdocument._meta.db_table
    url_besluit = _url_sql("besluiten:detail", PLAATS_ZAAK, "z.zaaknummer", zaaknummer=PLAATS_ZAAK)
    url_rv = _url_sql("portaal:zaak", PLAATS_ZAAK, "z.zaaknummer", zaaknummer=PLAATS_ZAAK)
    url_agenda = _url_sql("vergaderagenda:agenda", "2000-01-01", "to_char(v.datum, 'YYYY-MM-DD')", datum="2000-01-01")
    # A memo has no page of its own: the zaak's timeline, else the first subject's, else a search for the subject.
    url_memo_zaak = _url_sql("portaal:zaak", PLAATS_ZAAK, "z.zaaknummer", zaaknummer=PLAATS_ZAAK)
    url_onderwerp = _url_sql("portaal:onderwerp", "plaatshouder", "o.slug", slug="plaatshouder")
    url_memo = f"""coalesce({url_memo_zaak},
        (SELECT {url_onderwerp} FROM memos_memo_onderwerpen mo JOIN core_onderwerp o
         ON o.id = mo.onderwerp_id WHERE mo.memo_id = m.id ORDER BY o.naam, o.id LIMIT 1),
        {_lit(reverse("portaal:zoeken") + "?q=")} || replace(left(m.betreft, 100), ' ', '+'))"""
    secties = " , ".join(
        f"CASE WHEN r.{n} <> '' THEN {_lit(Raadsvoorstel._meta.get_field(n).verbose_name)} || E'\\n' || r.{n} END"
        for n in Raadsvoorstel.SECTIES
    )
    selecties = {
        "besluit": f"""
            SELECT 'besluit', b.id, b.titel,
                   btrim(concat_ws(E'\\n', dictum.tekst, {_keuze_sql("b.uitkomst", Besluit, "uitkomst")},
                                   b.rectificatie_reden), E' \\n\\r\\t'),
                   {url_besluit}, coalesce(v.datum, (b.gepubliceerd_op AT TIME ZONE 'Europe/Amsterdam')::date),
                   z.zaaknummer,
                   CASE WHEN b.status <> 'gepubliceerd' THEN 'griffie'
                        WHEN b.vertrouwelijkheid = 'openbaar' THEN 'publiek' ELSE 'raadslid' END
            FROM besluiten_besluit b
            JOIN core_zaak z ON z.id = b.zaak_id
            LEFT JOIN vergaderagenda_vergadering v ON v.id = b.vergadering_id
            LEFT JOIN LATERAL (SELECT string_agg(p.tekst, E'\\n' ORDER BY p.volgorde) AS tekst
                               FROM besluiten_dictumpunt p WHERE p.besluit_id = b.id) dictum ON true
            WHERE b.id >= %(vanaf)s
              AND NOT EXISTS (SELECT 1 FROM besluiten_besluit n
                              WHERE n.vervangt_id = b.id AND n.status = 'gepubliceerd')""",
        "raadsvoorstel": f"""
            SELECT 'raadsvoorstel', r.id, r.titel,
                   concat_ws(E'\\n\\n', {secties}, punten.tekst,
                             CASE WHEN p.id IS NOT NULL THEN 'Portefeuillehouder ' || p.naam END),
                   {url_rv}, coalesce(r.datum_raadsvergadering, r.college_besluitdatum), z.zaaknummer,
                   CASE WHEN r.status = 'concept' THEN 'griffie'
                        WHEN r.vertrouwelijkheid = 'openbaar' THEN 'publiek' ELSE 'raadslid' END
            FROM raadsvoorstellen_raadsvoorstel r
            JOIN core_zaak z ON z.id = r.zaak_id
            LEFT JOIN core_persoon p ON p.id = r.portefeuillehouder_id
            LEFT JOIN LATERAL (SELECT string_agg(b.tekst, E'\\n\\n' ORDER BY b.volgorde) AS tekst
                               FROM raadsvoorstellen_beslispunt b WHERE b.raadsvoorstel_id = r.id) punten ON true
            WHERE r.id >= %(vanaf)s""",
        "memo": f"""
            SELECT 'memo', m.id, m.betreft,
                   concat_ws(E'\\n', {_keuze_sql("m.soort", Memo, "soort")}, 'Van: ' || m.van, 'Aan: ' || m.aan,
                             CASE WHEN m.kenmerk <> '' THEN 'Kenmerk: ' || m.kenmerk END, '', m.tekst),
                   {url_memo}, m.datum, coalesce(z.zaaknummer, ''),
                   CASE WHEN m.status <> 'definitief' THEN 'griffie'
                        WHEN m.vertrouwelijkheid = 'openbaar' THEN 'publiek' ELSE 'raadslid' END
            FROM memos_memo m
            LEFT JOIN core_zaak z ON z.id = m.zaak_id
            WHERE m.id >= %(vanaf)s""",
        "agendapunt": f"""
            SELECT 'agendapunt', a.id, a.titel,
                   concat_ws(E'\\n', nullif(a.omschrijving, ''), v.titel || ' ' || to_char(v.datum, 'DD-MM-YYYY')),
                   {url_agenda} || '#agendapunt-' || a.uuid::text, v.datum, coalesce(z.zaaknummer, ''),
                   CASE WHEN v.status = 'concept' THEN 'griffie'
                        WHEN a.besloten OR NOT v.openbaar THEN 'raadslid' ELSE 'publiek' END
            FROM vergaderagenda_agendapunt a
            JOIN vergaderagenda_vergadering v ON v.id = a.vergadering_id
            LEFT JOIN core_zaak z ON z.id = a.zaak_id
            WHERE a.id >= %(vanaf)s""",
    }
    resultaat = {}
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexdef ILIKE %s",
            [tabel, "%USING gin%"],
        )
        gin = cursor.fetchall()
        for naam, _ in gin:
            cursor.execute(f'DROP INDEX IF EXISTS "{naam}"')
        try:
            for soort, select in selecties.items():
                if soort not in vanaf:
                    continue
                cursor.execute(
                    f"""
                    INSERT INTO {tabel} (soort, object_id, titel, tekst, url, datum, jaar, zaaknummer,
                                         zichtbaarheid, zoektekst, bijgewerkt_op, zoekvector)
                    SELECT d.soort, d.object_id, left(d.titel, 500), left(d.tekst, 100000), left(d.url, 300),
                           d.datum, extract(year FROM d.datum)::int, d.zaaknummer, d.zichtbaarheid, '', now(),
                           {_vector()}
                    FROM ({select}) AS d(soort, object_id, titel, tekst, url, datum, zaaknummer, zichtbaarheid)
                    ON CONFLICT (soort, object_id) DO NOTHING""",
                    {"vanaf": vanaf[soort]},
                )
                resultaat[soort] = cursor.rowcount
                if uitvoer is not None:
                    uitvoer.write(f"    zoekdocumenten {soort}: {cursor.rowcount}\n")
        finally:
            for _, definitie in gin:
                cursor.execute(definitie)
    return resultaat
