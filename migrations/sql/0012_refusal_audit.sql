-- Refused attempts in the audit trail. A refused action rolls back its own transaction, so the
-- service writes the refusal afterwards, on a connection of its own, through this function: the caller
-- names the table and the row it tried to change and the reason it was given; the patient is looked
-- up here (a security definer), never taken from the caller, and the table must be one of those whose
-- refusals are kept. The row is written by audit_write with the action REFUSED.

CREATE FUNCTION audit_refusal(p_table text, p_key text, p_reason text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    k integer;
    pid integer;
BEGIN
    IF p_table IS NULL OR p_table NOT IN ('medical_cards', 'medical_records', 'diagnoses', 'order_lines',
                                          'service_performances', 'appointments', 'medication_prescriptions',
                                          'patient_communications', 'insurer_approvals') THEN
        RAISE EXCEPTION 'audit_refusal_table' USING ERRCODE = '22023',
            DETAIL = format('refusals of %s are not kept', coalesce(p_table, 'NULL'));
    END IF;
    IF p_key ~ '^[0-9]{1,9}$' THEN
        k := p_key::integer;
    END IF;
    IF k IS NOT NULL THEN
        IF p_table = 'medical_cards' THEN
            SELECT c.patient_id INTO pid FROM medical_cards c WHERE c.id = k;
        ELSIF p_table = 'medical_records' THEN
            SELECT c.patient_id INTO pid FROM medical_records r JOIN medical_cards c ON c.id = r.card_id
             WHERE r.id = k;
        ELSIF p_table = 'diagnoses' THEN
            SELECT c.patient_id INTO pid FROM diagnoses d JOIN medical_cards c ON c.id = d.card_id WHERE d.id = k;
        ELSIF p_table IN ('order_lines', 'service_performances') THEN
            SELECT o.patient_id INTO pid FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = k;
        ELSIF to_regclass(p_table) IS NOT NULL THEN
            -- The tables of later migrations carry patient_id themselves.
            EXECUTE format('SELECT patient_id FROM %I WHERE id = $1', p_table) INTO pid USING k;
        END IF;
    END IF;
    PERFORM audit_write('REFUSED', p_table, left(coalesce(p_key, ''), 64), pid, NULL, NULL,
                        left(coalesce(p_reason, ''), 1000));
END
$$;
