-- Visit records and their diagnoses: the rules the database keeps whoever writes. Errors carry SQLSTATEs
-- MC050..MC059; the service (shared/services/visit_records.py) checks first, these are the last line.
-- The trigger functions are security definers with a pinned search_path: they read the record a row
-- refers to (its status and author, which writers may not select in full) and icd10_codes.
--
--   MC050 a record starts as a draft            MC055 a correction is of a record of the same card
--   MC051 a signed record cannot change         MC056 only a medical worker writes a correction
--   MC052 only the author edits or signs        MC057 unknown ICD-10 code
--   MC053 card, author and version are fixed    MC058 the code is not billable (a chapter, block or parent)
--   MC054 only a signed record is corrected     MC059 a diagnosis needs a record

-- The columns a change of the card itself carries into its records (ON UPDATE CASCADE of the composite
-- foreign key): moving a card keeps its records with it, signed or not.
CREATE FUNCTION medical_record_changed(p_old medical_records, p_new medical_records) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT to_jsonb(p_new) - ARRAY['card_type_id', 'organization_id', 'updated_at', 'version']
           IS DISTINCT FROM to_jsonb(p_old) - ARRAY['card_type_id', 'organization_id', 'updated_at', 'version']
$$;

CREATE FUNCTION medical_record_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := app_user_staff_id();
    previous medical_records;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'signed' THEN
            RAISE EXCEPTION 'record_signed' USING ERRCODE = 'MC051', DETAIL = format('record %s', OLD.id);
        END IF;
        RETURN OLD;
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'draft' OR NEW.signed_at IS NOT NULL OR NEW.signed_by IS NOT NULL THEN
            RAISE EXCEPTION 'record_starts_as_draft' USING ERRCODE = 'MC050';
        END IF;
        -- A login writes in its own name; the owner (data loads) may name the author.
        IF me IS NOT NULL THEN
            NEW.author_staff_id := me;
        END IF;
        IF NEW.supersedes_id IS NULL THEN
            NEW.version_no := 1;
        ELSE
            SELECT * INTO previous FROM medical_records WHERE id = NEW.supersedes_id;
            IF NOT FOUND OR previous.status <> 'signed' THEN
                RAISE EXCEPTION 'correction_of_unsigned_record' USING ERRCODE = 'MC054',
                    DETAIL = format('record %s', NEW.supersedes_id);
            END IF;
            IF previous.card_id <> NEW.card_id THEN
                RAISE EXCEPTION 'correction_of_another_card' USING ERRCODE = 'MC055',
                    DETAIL = format('record %s is of card %s', previous.id, previous.card_id);
            END IF;
            IF NOT app_has_job('medical_worker') THEN
                RAISE EXCEPTION 'correction_by_medical_worker' USING ERRCODE = 'MC056';
            END IF;
            NEW.version_no := previous.version_no + 1;
        END IF;
        RETURN NEW;
    END IF;

    -- UPDATE
    IF NOT medical_record_changed(OLD, NEW) THEN
        RETURN NEW;  -- the card moved (cascade), or nothing changed
    END IF;
    IF OLD.status = 'signed' THEN
        RAISE EXCEPTION 'record_signed' USING ERRCODE = 'MC051', DETAIL = format('record %s', OLD.id);
    END IF;
    IF NEW.card_id <> OLD.card_id OR NEW.author_staff_id IS DISTINCT FROM OLD.author_staff_id
       OR NEW.supersedes_id IS DISTINCT FROM OLD.supersedes_id OR NEW.version_no <> OLD.version_no
       OR NEW.recorded_at <> OLD.recorded_at THEN
        RAISE EXCEPTION 'record_identity_fixed' USING ERRCODE = 'MC053', DETAIL = format('record %s', OLD.id);
    END IF;
    IF NEW.status = 'signed' THEN
        IF me IS NULL OR me IS DISTINCT FROM OLD.author_staff_id THEN
            RAISE EXCEPTION 'record_not_author' USING ERRCODE = 'MC052', DETAIL = format('record %s', OLD.id);
        END IF;
        NEW.signed_at := now();
        NEW.signed_by := me;
    ELSIF me IS DISTINCT FROM OLD.author_staff_id THEN
        RAISE EXCEPTION 'record_not_author' USING ERRCODE = 'MC052', DETAIL = format('record %s', OLD.id);
    ELSIF NEW.signed_at IS NOT NULL OR NEW.signed_by IS NOT NULL THEN
        RAISE EXCEPTION 'record_identity_fixed' USING ERRCODE = 'MC053', DETAIL = format('record %s', OLD.id);
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE TRIGGER medical_record_rules BEFORE INSERT OR UPDATE OR DELETE ON medical_records
    FOR EACH ROW EXECUTE FUNCTION medical_record_rules();

-- A diagnosis belongs to a draft of its author, carries a billable code, and repeats its record's card
-- (set here, so the card-type policy judges the row by the record it is attached to).
CREATE FUNCTION diagnosis_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := app_user_staff_id();
    rec medical_records;
    code_billable boolean;
BEGIN
    IF TG_OP = 'UPDATE' AND to_jsonb(NEW) - ARRAY['card_type_id', 'organization_id', 'updated_at']
                            IS NOT DISTINCT FROM to_jsonb(OLD) - ARRAY['card_type_id', 'organization_id', 'updated_at'] THEN
        RETURN NEW;  -- the card moved (cascade), or nothing changed
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT * INTO rec FROM medical_records WHERE id = OLD.record_id;
        IF FOUND AND rec.status = 'signed' THEN
            RAISE EXCEPTION 'record_signed' USING ERRCODE = 'MC051', DETAIL = format('record %s', rec.id);
        END IF;
        IF TG_OP = 'DELETE' THEN
            IF FOUND AND me IS DISTINCT FROM rec.author_staff_id THEN
                RAISE EXCEPTION 'record_not_author' USING ERRCODE = 'MC052', DETAIL = format('record %s', rec.id);
            END IF;
            RETURN OLD;
        END IF;
    END IF;
    SELECT * INTO rec FROM medical_records WHERE id = NEW.record_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'diagnosis_without_record' USING ERRCODE = 'MC059',
            DETAIL = format('record %s', NEW.record_id);
    END IF;
    IF rec.status = 'signed' THEN
        RAISE EXCEPTION 'record_signed' USING ERRCODE = 'MC051', DETAIL = format('record %s', rec.id);
    END IF;
    IF me IS DISTINCT FROM rec.author_staff_id THEN
        RAISE EXCEPTION 'record_not_author' USING ERRCODE = 'MC052', DETAIL = format('record %s', rec.id);
    END IF;
    SELECT billable INTO code_billable FROM icd10_codes WHERE code = NEW.code;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'diagnosis_code_unknown' USING ERRCODE = 'MC057', DETAIL = format('code %s', NEW.code);
    END IF;
    IF NOT code_billable THEN
        RAISE EXCEPTION 'diagnosis_code_not_billable' USING ERRCODE = 'MC058', DETAIL = format('code %s', NEW.code);
    END IF;
    NEW.card_id := rec.card_id;
    NEW.card_type_id := rec.card_type_id;
    NEW.organization_id := rec.organization_id;
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER diagnosis_rules BEFORE INSERT OR UPDATE OR DELETE ON diagnoses
    FOR EACH ROW EXECUTE FUNCTION diagnosis_rules();
