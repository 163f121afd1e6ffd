-- Functions of migration 0003 (registry): card numbering and merging duplicate clients.

-- The next number of a card of p_card_type_id in p_organization_id, by the organization's rule for
-- that card type (prefix, optional year, zero-padded sequence; a rule is created on first use).
-- The row lock of the UPDATE serializes concurrent registrars: no two cards get one number.
CREATE FUNCTION next_card_number(p_organization_id integer, p_card_type_id integer) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    rule card_numbering;
    this_year integer := extract(year FROM now())::integer;
    value integer;
BEGIN
    IF NOT (p_organization_id = ANY (app_user_organization_ids()) AND p_card_type_id = ANY (app_user_card_type_ids()))
       AND NOT pg_has_role(session_user, (SELECT oid FROM pg_roles WHERE rolname = app_namespace() || '_owner'), 'USAGE') THEN
        RAISE EXCEPTION 'card_not_available' USING ERRCODE = 'MC010';
    END IF;
    INSERT INTO card_numbering (organization_id, card_type_id, prefix)
    SELECT p_organization_id, p_card_type_id, '' ON CONFLICT DO NOTHING;
    SELECT * INTO rule FROM card_numbering
     WHERE organization_id = p_organization_id AND card_type_id = p_card_type_id FOR UPDATE;
    IF rule.with_year AND rule.year IS DISTINCT FROM this_year THEN
        value := 1;
    ELSE
        value := rule.next_value;
    END IF;
    UPDATE card_numbering SET next_value = value + 1, year = CASE WHEN rule.with_year THEN this_year END
     WHERE organization_id = p_organization_id AND card_type_id = p_card_type_id;
    RETURN rule.prefix
        || CASE WHEN rule.with_year THEN this_year::text || '/' ELSE '' END
        || lpad(value::text, rule.digits, '0');
END
$$;

-- Merges client p_drop into p_keep: cards (with their records and paper movements), phones,
-- documents, policies, addresses, consents and representatives move to p_keep; p_drop stays as a
-- tombstone (merged_into_id) so old references and the audit trail still resolve.
CREATE FUNCTION merge_patients(p_keep integer, p_drop integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    keep_row patients;
    drop_row patients;
BEGIN
    IF NOT app_has_job('head_of_registry') THEN
        RAISE EXCEPTION 'not_permitted' USING ERRCODE = '42501';
    END IF;
    IF p_keep IS NULL OR p_drop IS NULL OR p_keep = p_drop THEN
        RAISE EXCEPTION 'merge_same' USING ERRCODE = 'MC020';
    END IF;
    SELECT * INTO keep_row FROM patients WHERE id = p_keep FOR UPDATE;
    SELECT * INTO drop_row FROM patients WHERE id = p_drop FOR UPDATE;
    IF keep_row.id IS NULL OR drop_row.id IS NULL THEN
        RAISE EXCEPTION 'unknown_patient' USING ERRCODE = 'MC021';
    END IF;
    IF keep_row.merged_into_id IS NOT NULL OR drop_row.merged_into_id IS NOT NULL THEN
        RAISE EXCEPTION 'already_merged' USING ERRCODE = 'MC022';
    END IF;
    UPDATE medical_cards SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE patient_phones SET patient_id = p_keep WHERE patient_id = p_drop
       AND digits NOT IN (SELECT digits FROM patient_phones WHERE patient_id = p_keep);
    DELETE FROM patient_phones WHERE patient_id = p_drop;
    UPDATE patient_documents SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE patient_policies SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE patient_addresses SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE patient_consents SET patient_id = p_keep WHERE patient_id = p_drop;
    DELETE FROM legal_representatives
     WHERE (patient_id = p_drop AND representative_id = p_keep) OR (patient_id = p_keep AND representative_id = p_drop);
    UPDATE legal_representatives r SET patient_id = p_keep WHERE r.patient_id = p_drop
       AND NOT EXISTS (SELECT 1 FROM legal_representatives k WHERE k.patient_id = p_keep
                        AND k.representative_id = r.representative_id AND k.relation = r.relation);
    UPDATE legal_representatives r SET representative_id = p_keep WHERE r.representative_id = p_drop
       AND NOT EXISTS (SELECT 1 FROM legal_representatives k WHERE k.representative_id = p_keep
                        AND k.patient_id = r.patient_id AND k.relation = r.relation);
    DELETE FROM legal_representatives WHERE patient_id = p_drop OR representative_id = p_drop;
    UPDATE patients SET
        snils = coalesce(keep_row.snils, drop_row.snils),
        email = CASE WHEN keep_row.email = '' THEN drop_row.email ELSE keep_row.email END,
        version = version + 1
     WHERE id = p_keep;
    UPDATE patients SET merged_into_id = p_keep, snils = NULL, version = version + 1 WHERE id = p_drop;
    PERFORM audit_write('ADMIN', 'patients', p_keep::text, p_keep,
                        jsonb_build_object('merged_patient_id', p_drop), jsonb_build_object('kept_patient_id', p_keep),
                        'patients merged');
END
$$;

-- Who changed a row last and when: for the "changed by ... at ..." message of a refused save.
-- Reveals only a name and a time about a row the caller is editing (and so can see).
CREATE FUNCTION audit_last_change(p_table text, p_key text)
RETURNS TABLE (user_name text, login_role text, occurred_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT a.user_name, a.login_role, a.occurred_at FROM audit_log a
     WHERE a.table_name = p_table AND a.row_key = p_key AND a.action IN ('INSERT', 'UPDATE', 'ADMIN')
     ORDER BY a.occurred_at DESC LIMIT 1
$$;

-- Every surname ever registered, normalized: fuzzy search first finds the surnames close to a
-- mistyped one in this small list, then the clients with those surnames by an indexed prefix.
CREATE FUNCTION patient_surname_remember() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    INSERT INTO patient_surnames (surname_norm)
    VALUES (translate(lower(btrim(NEW.last_name)), 'ё', 'е'))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER patient_surname_remember AFTER INSERT OR UPDATE OF last_name ON patients
FOR EACH ROW EXECUTE FUNCTION patient_surname_remember();
