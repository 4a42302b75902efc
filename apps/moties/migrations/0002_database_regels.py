"""The database refuses impossible votes, on PostgreSQL and on SQLite, and (PostgreSQL) keeps what is published.

Both databases, with triggers:
- a presence row must rest on a membership (Rol) of that person in the meeting's gremium that covers the
  meeting's date, with that membership's fractie;
- a vote (Stem) must point to a presence row of the same meeting, of a member marked present, with the same
  person and fractie; so a non-member, a member of another date or an absent member cannot vote, one member
  cannot vote twice (unique constraints), and a stemming never has more votes than members present;
- a hamerslag (no vote) has no votes; a present member who voted cannot be marked absent afterwards.

PostgreSQL only (like besluiten 0003): a published stemming, its votes and the presence list of a meeting
with a published stemming never change or disappear; a published besluitenlijst neither (except storing its
PDF once when it had none).
"""

from django.db import migrations

SQLITE = [
    """
CREATE TRIGGER aanwezigheid_lid_op_datum_ins BEFORE INSERT ON moties_aanwezigheid
BEGIN
  SELECT RAISE(ABORT, 'Deze persoon was op de datum van de vergadering geen lid van dit gremium.')
  WHERE NOT EXISTS (
    SELECT 1 FROM core_rol r JOIN vergaderagenda_vergadering v ON v.id = NEW.vergadering_id
    WHERE r.id = NEW.rol_id AND r.persoon_id = NEW.persoon_id AND r.gremium_id = v.gremium_id
      AND r.begindatum <= v.datum AND (r.einddatum IS NULL OR r.einddatum >= v.datum)
      AND r.fractie_id IS NEW.fractie_id);
END""",
    """
CREATE TRIGGER aanwezigheid_lid_op_datum_upd BEFORE UPDATE ON moties_aanwezigheid
BEGIN
  SELECT RAISE(ABORT, 'Deze persoon was op de datum van de vergadering geen lid van dit gremium.')
  WHERE NOT EXISTS (
    SELECT 1 FROM core_rol r JOIN vergaderagenda_vergadering v ON v.id = NEW.vergadering_id
    WHERE r.id = NEW.rol_id AND r.persoon_id = NEW.persoon_id AND r.gremium_id = v.gremium_id
      AND r.begindatum <= v.datum AND (r.einddatum IS NULL OR r.einddatum >= v.datum)
      AND r.fractie_id IS NEW.fractie_id);
  SELECT RAISE(ABORT, 'Dit lid heeft gestemd en kan niet als afwezig worden gemeld.')
  WHERE NEW.aanwezig = 0 AND EXISTS (SELECT 1 FROM moties_stem s WHERE s.aanwezigheid_id = NEW.id);
END""",
    """
CREATE TRIGGER stem_geldig_ins BEFORE INSERT ON moties_stem
BEGIN
  SELECT RAISE(ABORT, 'Alleen een aanwezig lid van deze vergadering kan stemmen, met de fractie van de presentielijst.')
  WHERE NOT EXISTS (
    SELECT 1 FROM moties_aanwezigheid a JOIN moties_stemming st ON st.id = NEW.stemming_id
    WHERE a.id = NEW.aanwezigheid_id AND a.vergadering_id = st.vergadering_id AND a.aanwezig = 1
      AND a.persoon_id = NEW.persoon_id AND a.fractie_id IS NEW.fractie_id AND st.soort <> 'hamerslag');
  SELECT RAISE(ABORT, 'Er zijn meer stemmen dan aanwezige leden.')
  WHERE (SELECT COUNT(*) FROM moties_stem WHERE stemming_id = NEW.stemming_id) + 1 > (
    SELECT COUNT(*) FROM moties_aanwezigheid a JOIN moties_stemming st ON st.id = NEW.stemming_id
    WHERE a.vergadering_id = st.vergadering_id AND a.aanwezig = 1);
END""",
    """
CREATE TRIGGER stem_geldig_upd BEFORE UPDATE ON moties_stem
BEGIN
  SELECT RAISE(ABORT, 'Alleen een aanwezig lid van deze vergadering kan stemmen, met de fractie van de presentielijst.')
  WHERE NOT EXISTS (
    SELECT 1 FROM moties_aanwezigheid a JOIN moties_stemming st ON st.id = NEW.stemming_id
    WHERE a.id = NEW.aanwezigheid_id AND a.vergadering_id = st.vergadering_id AND a.aanwezig = 1
      AND a.persoon_id = NEW.persoon_id AND a.fractie_id IS NEW.fractie_id AND st.soort <> 'hamerslag');
END""",
]

SQLITE_TERUG = [
    "DROP TRIGGER IF EXISTS aanwezigheid_lid_op_datum_ins",
    "DROP TRIGGER IF EXISTS aanwezigheid_lid_op_datum_upd",
    "DROP TRIGGER IF EXISTS stem_geldig_ins",
    "DROP TRIGGER IF EXISTS stem_geldig_upd",
]

POSTGRES = """
CREATE OR REPLACE FUNCTION aanwezigheid_geldig() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NOT EXISTS (
            SELECT 1 FROM core_rol r JOIN vergaderagenda_vergadering v ON v.id = NEW.vergadering_id
            WHERE r.id = NEW.rol_id AND r.persoon_id = NEW.persoon_id AND r.gremium_id = v.gremium_id
              AND r.begindatum <= v.datum AND (r.einddatum IS NULL OR r.einddatum >= v.datum)
              AND r.fractie_id IS NOT DISTINCT FROM NEW.fractie_id) THEN
            RAISE EXCEPTION 'Deze persoon was op de datum van de vergadering geen lid van dit gremium.'
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF EXISTS (SELECT 1 FROM moties_stemming WHERE vergadering_id = OLD.vergadering_id AND status = 'gepubliceerd') THEN
            RAISE EXCEPTION 'De presentielijst van een vergadering met gepubliceerde stemmingen kan niet worden gewijzigd.'
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND NOT NEW.aanwezig AND EXISTS (SELECT 1 FROM moties_stem WHERE aanwezigheid_id = NEW.id) THEN
        RAISE EXCEPTION 'Dit lid heeft gestemd en kan niet als afwezig worden gemeld.' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS aanwezigheid_geldig ON moties_aanwezigheid;
CREATE TRIGGER aanwezigheid_geldig BEFORE INSERT OR UPDATE OR DELETE ON moties_aanwezigheid
    FOR EACH ROW EXECUTE FUNCTION aanwezigheid_geldig();

CREATE OR REPLACE FUNCTION stem_geldig() RETURNS trigger AS $$
DECLARE
    stemming_status text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT status INTO stemming_status FROM moties_stemming WHERE id = OLD.stemming_id;
        IF stemming_status = 'gepubliceerd' THEN
            RAISE EXCEPTION 'De stemmen van een gepubliceerde stemming kunnen niet worden gewijzigd; maak een rectificatie.'
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT status INTO stemming_status FROM moties_stemming WHERE id = NEW.stemming_id FOR UPDATE;
    IF stemming_status = 'gepubliceerd' THEN
        RAISE EXCEPTION 'De stemmen van een gepubliceerde stemming kunnen niet worden gewijzigd; maak een rectificatie.'
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM moties_aanwezigheid a JOIN moties_stemming st ON st.id = NEW.stemming_id
        WHERE a.id = NEW.aanwezigheid_id AND a.vergadering_id = st.vergadering_id AND a.aanwezig
          AND a.persoon_id = NEW.persoon_id AND a.fractie_id IS NOT DISTINCT FROM NEW.fractie_id
          AND st.soort <> 'hamerslag') THEN
        RAISE EXCEPTION 'Alleen een aanwezig lid van deze vergadering kan stemmen, met de fractie van de presentielijst.'
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' AND (SELECT COUNT(*) FROM moties_stem WHERE stemming_id = NEW.stemming_id) + 1 > (
        SELECT COUNT(*) FROM moties_aanwezigheid a JOIN moties_stemming st ON st.id = NEW.stemming_id
        WHERE a.vergadering_id = st.vergadering_id AND a.aanwezig) THEN
        RAISE EXCEPTION 'Er zijn meer stemmen dan aanwezige leden.' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS stem_geldig ON moties_stem;
CREATE TRIGGER stem_geldig BEFORE INSERT OR UPDATE OR DELETE ON moties_stem
    FOR EACH ROW EXECUTE FUNCTION stem_geldig();

CREATE OR REPLACE FUNCTION stemming_gepubliceerd_onveranderlijk() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'gepubliceerd' THEN
        RAISE EXCEPTION 'Een gepubliceerde stemming (id %) kan niet worden gewijzigd of verwijderd; maak een rectificatie.', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS stemming_gepubliceerd_onveranderlijk ON moties_stemming;
CREATE TRIGGER stemming_gepubliceerd_onveranderlijk BEFORE UPDATE OR DELETE ON moties_stemming
    FOR EACH ROW EXECUTE FUNCTION stemming_gepubliceerd_onveranderlijk();

CREATE OR REPLACE FUNCTION besluitenlijst_gepubliceerd_onveranderlijk() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'gepubliceerd' THEN
        IF TG_OP = 'UPDATE' AND OLD.pdf = '' AND NEW.pdf <> ''
           AND (to_jsonb(NEW) - 'pdf' - 'updated_at') = (to_jsonb(OLD) - 'pdf' - 'updated_at') THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'Een gepubliceerde besluitenlijst (id %) kan niet worden gewijzigd of verwijderd; maak een rectificatie.', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS besluitenlijst_gepubliceerd_onveranderlijk ON moties_besluitenlijst;
CREATE TRIGGER besluitenlijst_gepubliceerd_onveranderlijk BEFORE UPDATE OR DELETE ON moties_besluitenlijst
    FOR EACH ROW EXECUTE FUNCTION besluitenlijst_gepubliceerd_onveranderlijk();
"""

POSTGRES_TERUG = """
DROP TRIGGER IF EXISTS besluitenlijst_gepubliceerd_onveranderlijk ON moties_besluitenlijst;
DROP FUNCTION IF EXISTS besluitenlijst_gepubliceerd_onveranderlijk();
DROP TRIGGER IF EXISTS stemming_gepubliceerd_onveranderlijk ON moties_stemming;
DROP FUNCTION IF EXISTS stemming_gepubliceerd_onveranderlijk();
DROP TRIGGER IF EXISTS stem_geldig ON moties_stem;
DROP FUNCTION IF EXISTS stem_geldig();
DROP TRIGGER IF EXISTS aanwezigheid_geldig ON moties_aanwezigheid;
DROP FUNCTION IF EXISTS aanwezigheid_geldig();
"""


def aanmaken(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement, params=None)


def verwijderen(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_TERUG, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_TERUG:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("moties", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(aanmaken, verwijderen),
    ]
