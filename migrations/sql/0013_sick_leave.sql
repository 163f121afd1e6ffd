-- Sick-leave certificates and the accounting of their blanks: the rules the database keeps whoever
-- writes. Errors carry SQLSTATEs MC090..MC099; the services (shared/services/sick_leave.py and
-- sick_leave_blanks.py) check first for a clear message, these are the last line. The trigger
-- functions are security definers with a pinned search_path: they keep the blanks' states in step
-- with the certificates, which the doctor or registrar may not update directly.
--
--   MC090 a received range overlaps blanks already received     MC095 a change of status not allowed, or a
--   MC091 a number outside the organization's received batches        certificate no longer changed (closed...)
--   MC092 the blank is already used (a number used twice)       MC096 an unknown code (cause, additional,
--   MC093 the blank is spoiled (never reused)                          relation, violation, "other")
--   MC094 the blank is not in stock to hand out, or the holder   MC097 release periods: more than three,
--         is not of the organization                                   overlapping, or longer than a doctor
--                                                                      alone may release without the chair
--   MC098 the accounting history is fixed (no update/delete)    MC099 only an issued or closed certificate
--                                                                      is printed

-- --- Blanks received: the batch creates one row per blank -----------------------------------------------

CREATE FUNCTION sick_leave_batch_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    taken text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'blank_history_fixed' USING ERRCODE = 'MC098', DETAIL = format('batch %s', OLD.id);
    END IF;
    IF TG_WHEN = 'BEFORE' THEN
        NEW.recorded_by := session_user;
        SELECT min(number) INTO taken FROM sick_leave_blanks
         WHERE number BETWEEN NEW.number_from AND NEW.number_to;
        IF taken IS NOT NULL THEN
            RAISE EXCEPTION 'blank_range_taken' USING ERRCODE = 'MC090', DETAIL = format('number %s', taken);
        END IF;
        RETURN NEW;
    END IF;
    INSERT INTO sick_leave_blanks (number, organization_id, batch_id, state)
    SELECT lpad(n::text, 12, '0'), NEW.organization_id, NEW.id, 'in_stock'
      FROM generate_series(NEW.number_from::bigint, NEW.number_to::bigint) AS n;
    RETURN NULL;
END;
$$;

CREATE TRIGGER sick_leave_batch_rules BEFORE INSERT OR UPDATE OR DELETE ON sick_leave_blank_batches
    FOR EACH ROW EXECUTE FUNCTION sick_leave_batch_rules();
CREATE TRIGGER sick_leave_batch_blanks AFTER INSERT ON sick_leave_blank_batches
    FOR EACH ROW EXECUTE FUNCTION sick_leave_batch_rules();

-- --- Blanks handed out to a department or a staff member ------------------------------------------------

CREATE FUNCTION sick_leave_issue_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    expected bigint;
    found_count bigint;
    busy text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'blank_history_fixed' USING ERRCODE = 'MC098', DETAIL = format('issue %s', OLD.id);
    END IF;
    IF TG_WHEN = 'BEFORE' THEN
        NEW.recorded_by := session_user;
        IF NEW.holder_staff_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM staff_members WHERE id = NEW.holder_staff_id AND organization_id = NEW.organization_id)
           OR NEW.holder_department_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM departments WHERE id = NEW.holder_department_id
                                           AND organization_id = NEW.organization_id) THEN
            RAISE EXCEPTION 'holder_unknown' USING ERRCODE = 'MC094';
        END IF;
        expected := NEW.number_to::bigint - NEW.number_from::bigint + 1;
        SELECT count(*), min(number) FILTER (WHERE state <> 'in_stock') INTO found_count, busy
          FROM sick_leave_blanks
         WHERE number BETWEEN NEW.number_from AND NEW.number_to AND organization_id = NEW.organization_id;
        IF found_count <> expected THEN
            RAISE EXCEPTION 'blank_unknown' USING ERRCODE = 'MC091',
                DETAIL = format('%s of %s numbers received', found_count, expected);
        END IF;
        IF busy IS NOT NULL THEN
            RAISE EXCEPTION 'blank_not_in_stock' USING ERRCODE = 'MC094', DETAIL = format('number %s', busy);
        END IF;
        RETURN NEW;
    END IF;
    UPDATE sick_leave_blanks
       SET state = 'issued', issue_id = NEW.id, holder_staff_id = NEW.holder_staff_id,
           holder_department_id = NEW.holder_department_id, issued_on = NEW.issued_on
     WHERE number BETWEEN NEW.number_from AND NEW.number_to AND organization_id = NEW.organization_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER sick_leave_issue_rules BEFORE INSERT OR UPDATE OR DELETE ON sick_leave_blank_issues
    FOR EACH ROW EXECUTE FUNCTION sick_leave_issue_rules();
CREATE TRIGGER sick_leave_issue_blanks AFTER INSERT ON sick_leave_blank_issues
    FOR EACH ROW EXECUTE FUNCTION sick_leave_issue_rules();

-- --- A blank's life: in stock -> issued -> used -> (spoiled); spoiled is final --------------------------

CREATE FUNCTION sick_leave_blank_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'blank_history_fixed' USING ERRCODE = 'MC098', DETAIL = format('blank %s', OLD.number);
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'in_stock' OR NOT EXISTS (
               SELECT 1 FROM sick_leave_blank_batches b WHERE b.id = NEW.batch_id
                  AND b.organization_id = NEW.organization_id AND NEW.number BETWEEN b.number_from AND b.number_to) THEN
            RAISE EXCEPTION 'blank_unknown' USING ERRCODE = 'MC091', DETAIL = format('blank %s', NEW.number);
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.number <> OLD.number OR NEW.batch_id <> OLD.batch_id OR NEW.organization_id <> OLD.organization_id THEN
        RAISE EXCEPTION 'blank_history_fixed' USING ERRCODE = 'MC098', DETAIL = format('blank %s', OLD.number);
    END IF;
    IF OLD.state = 'spoiled' THEN
        RAISE EXCEPTION 'blank_spoiled' USING ERRCODE = 'MC093', DETAIL = format('blank %s', OLD.number);
    END IF;
    IF OLD.state = 'used' AND NEW.state <> 'spoiled' THEN
        RAISE EXCEPTION 'blank_used' USING ERRCODE = 'MC092', DETAIL = format('blank %s', OLD.number);
    END IF;
    IF NEW.state = 'used' AND OLD.state <> 'used' AND NOT EXISTS (
           SELECT 1 FROM sick_leave_certificates c WHERE c.id = NEW.certificate_id AND c.number = NEW.number) THEN
        RAISE EXCEPTION 'blank_used_without_certificate' USING ERRCODE = 'MC092',
            DETAIL = format('blank %s', OLD.number);
    END IF;
    IF NEW.state = 'issued' AND OLD.state <> 'issued' AND OLD.state <> 'in_stock' THEN
        RAISE EXCEPTION 'blank_not_in_stock' USING ERRCODE = 'MC094', DETAIL = format('blank %s', OLD.number);
    END IF;
    IF NEW.state = 'in_stock' AND OLD.state <> 'in_stock' THEN
        RAISE EXCEPTION 'blank_history_fixed' USING ERRCODE = 'MC098', DETAIL = format('blank %s', OLD.number);
    END IF;
    IF NEW.state = 'spoiled' AND OLD.state <> 'spoiled' THEN
        NEW.spoiled_on := coalesce(NEW.spoiled_on, current_date);
    END IF;
    IF NEW.state = 'used' AND OLD.state <> 'used' THEN
        NEW.used_on := coalesce(NEW.used_on, current_date);
    END IF;
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER sick_leave_blank_rules BEFORE INSERT OR UPDATE OR DELETE ON sick_leave_blanks
    FOR EACH ROW EXECUTE FUNCTION sick_leave_blank_rules();

-- --- Certificates ---------------------------------------------------------------------------------------

CREATE FUNCTION sick_leave_code_known(p_kind text, p_code text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT p_code = '' OR EXISTS (SELECT 1 FROM sick_leave_codes WHERE kind = p_kind AND code = p_code) $$;

CREATE FUNCTION sick_leave_certificate_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    blank record;
    member jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'certificate_not_deleted' USING ERRCODE = 'MC098', DETAIL = format('certificate %s', OLD.id);
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.recorded_by := session_user;
        NEW.doctor_staff_id := coalesce(NEW.doctor_staff_id, app_user_staff_id());
        -- Only those who treat write a new certificate; the registry makes a duplicate or the replacement
        -- of a spoiled one (a copy on a new blank).
        IF EXISTS (SELECT 1 FROM users WHERE role_name = session_user::text)
           AND NOT (app_has_job('medical_worker') OR app_has_job('admission'))
           AND NEW.original_id IS NULL AND NEW.replaces_id IS NULL THEN
            RAISE EXCEPTION 'certificate_by_doctor' USING ERRCODE = 'MC095';
        END IF;
    ELSE
        IF NEW.organization_id <> OLD.organization_id OR NEW.patient_id <> OLD.patient_id THEN
            RAISE EXCEPTION 'certificate_fixed' USING ERRCODE = 'MC095', DETAIL = format('certificate %s', OLD.id);
        END IF;
        IF OLD.status IN ('spoiled', 'duplicate_issued', 'cancelled') THEN
            RAISE EXCEPTION 'certificate_final' USING ERRCODE = 'MC095',
                DETAIL = format('certificate %s is %s', OLD.id, OLD.status);
        END IF;
        IF NEW.status <> OLD.status AND NOT (
               (OLD.status = 'draft' AND NEW.status IN ('issued', 'cancelled'))
            OR (OLD.status = 'issued' AND NEW.status IN ('closed', 'spoiled', 'duplicate_issued'))
            OR (OLD.status = 'closed' AND NEW.status IN ('spoiled', 'duplicate_issued'))) THEN
            RAISE EXCEPTION 'status_change' USING ERRCODE = 'MC095',
                DETAIL = format('certificate %s: %s to %s', OLD.id, OLD.status, NEW.status);
        END IF;
        IF OLD.status <> 'draft' AND NEW.number IS DISTINCT FROM OLD.number THEN
            RAISE EXCEPTION 'certificate_fixed' USING ERRCODE = 'MC095', DETAIL = format('certificate %s', OLD.id);
        END IF;
        IF NEW.status = 'spoiled' AND length(btrim(NEW.spoil_reason)) = 0 THEN
            RAISE EXCEPTION 'spoil_reason' USING ERRCODE = 'MC093', DETAIL = format('certificate %s', OLD.id);
        END IF;
    END IF;
    IF NOT sick_leave_code_known('cause', NEW.cause_code) OR NEW.cause_code = ''
       OR NOT sick_leave_code_known('additional', NEW.additional_code)
       OR NOT sick_leave_code_known('cause', NEW.changed_code)
       OR NOT sick_leave_code_known('violation', NEW.violation_code)
       OR NOT sick_leave_code_known('other', NEW.other_code) THEN
        RAISE EXCEPTION 'code_unknown' USING ERRCODE = 'MC096';
    END IF;
    FOR member IN SELECT * FROM jsonb_array_elements(NEW.care) LOOP
        IF NOT sick_leave_code_known('relation', coalesce(member ->> 'relation_code', '')) THEN
            RAISE EXCEPTION 'code_unknown' USING ERRCODE = 'MC096', DETAIL = 'relation';
        END IF;
    END LOOP;
    IF NEW.number IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.number IS DISTINCT FROM OLD.number) THEN
        SELECT * INTO blank FROM sick_leave_blanks WHERE number = NEW.number FOR UPDATE;
        IF NOT FOUND OR blank.organization_id <> NEW.organization_id THEN
            RAISE EXCEPTION 'blank_unknown' USING ERRCODE = 'MC091', DETAIL = format('number %s', NEW.number);
        END IF;
        IF blank.state = 'spoiled' THEN
            RAISE EXCEPTION 'blank_spoiled' USING ERRCODE = 'MC093', DETAIL = format('number %s', NEW.number);
        END IF;
        IF blank.state = 'used' THEN
            RAISE EXCEPTION 'blank_used' USING ERRCODE = 'MC092', DETAIL = format('number %s', NEW.number);
        END IF;
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE FUNCTION sick_leave_certificate_blank() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.number IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.number IS DISTINCT FROM OLD.number) THEN
        -- used on the day it is filled in (the issue date may be earlier: a hospital's certificate)
        UPDATE sick_leave_blanks SET state = 'used', certificate_id = NEW.id, used_on = current_date
         WHERE number = NEW.number;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status = 'spoiled' AND OLD.status <> 'spoiled' THEN
        UPDATE sick_leave_blanks SET state = 'spoiled', spoil_reason = NEW.spoil_reason, spoiled_on = current_date
         WHERE number = NEW.number;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER sick_leave_certificate_rules BEFORE INSERT OR UPDATE OR DELETE ON sick_leave_certificates
    FOR EACH ROW EXECUTE FUNCTION sick_leave_certificate_rules();
CREATE TRIGGER sick_leave_certificate_blank AFTER INSERT OR UPDATE ON sick_leave_certificates
    FOR EACH ROW EXECUTE FUNCTION sick_leave_certificate_blank();

-- --- Periods of release: at most three, in order, the chair beyond a doctor's days ------------------------

CREATE FUNCTION sick_leave_period_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    cert record;
    case_start date;
    max_days integer;
    previous record;
BEGIN
    SELECT * INTO cert FROM sick_leave_certificates
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.certificate_id ELSE NEW.certificate_id END;
    IF cert.status NOT IN ('draft', 'issued') THEN
        RAISE EXCEPTION 'certificate_final' USING ERRCODE = 'MC095',
            DETAIL = format('certificate %s is %s', cert.id, cert.status);
    END IF;
    -- Only those who treat release from work; the registry copies the periods of a certificate it refills
    -- on a new blank (a spoiled one's replacement or a duplicate, still a draft).
    IF EXISTS (SELECT 1 FROM users WHERE role_name = session_user::text)
       AND NOT (app_has_job('medical_worker') OR app_has_job('admission'))
       AND (cert.status <> 'draft' OR (cert.replaces_id IS NULL AND cert.original_id IS NULL)) THEN
        RAISE EXCEPTION 'period_by_doctor' USING ERRCODE = 'MC095', DETAIL = format('certificate %s', cert.id);
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF cert.status <> 'draft' THEN
            RAISE EXCEPTION 'certificate_final' USING ERRCODE = 'MC095', DETAIL = format('certificate %s', cert.id);
        END IF;
        RETURN OLD;
    END IF;
    NEW.organization_id := cert.organization_id;
    IF NEW.chair_staff_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM staff_members WHERE id = NEW.chair_staff_id AND organization_id = cert.organization_id)
       OR NEW.doctor_staff_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM staff_members WHERE id = NEW.doctor_staff_id AND organization_id = cert.organization_id) THEN
        RAISE EXCEPTION 'staff_unknown' USING ERRCODE = 'MC097';
    END IF;
    IF EXISTS (SELECT 1 FROM sick_leave_periods p WHERE p.certificate_id = NEW.certificate_id
                  AND p.id IS DISTINCT FROM NEW.id
                  AND (p.row_no < NEW.row_no AND p.date_to >= NEW.date_from
                       OR p.row_no > NEW.row_no AND p.date_from <= NEW.date_to)) THEN
        RAISE EXCEPTION 'periods_overlap' USING ERRCODE = 'MC097', DETAIL = format('certificate %s', cert.id);
    END IF;
    -- A doctor alone releases up to the rule's days from the start of the case (the first period of the
    -- chain of continuations); a period ending later needs the chair of the medical commission.
    SELECT (parameters ->> 'max_days')::integer INTO max_days FROM sick_leave_rules
     WHERE code = 'single_doctor_days' AND active;
    IF max_days IS NOT NULL AND length(btrim(NEW.chair_name)) = 0 THEN
        WITH RECURSIVE chain(id, previous_id, depth) AS (
            SELECT c.id, c.previous_id, 0 FROM sick_leave_certificates c WHERE c.id = cert.id
            UNION ALL
            SELECT c.id, c.previous_id, chain.depth + 1 FROM sick_leave_certificates c
              JOIN chain ON c.id = chain.previous_id WHERE chain.depth < 50)
        SELECT min(p.date_from) INTO case_start FROM sick_leave_periods p JOIN chain ON chain.id = p.certificate_id
         WHERE p.id IS DISTINCT FROM NEW.id;
        case_start := least(coalesce(case_start, NEW.date_from), NEW.date_from);
        IF NEW.date_to - case_start + 1 > max_days THEN
            RAISE EXCEPTION 'commission_required' USING ERRCODE = 'MC097',
                DETAIL = format('%s days from %s', NEW.date_to - case_start + 1, case_start);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER sick_leave_period_rules BEFORE INSERT OR UPDATE OR DELETE ON sick_leave_periods
    FOR EACH ROW EXECUTE FUNCTION sick_leave_period_rules();

-- --- Printing: who printed which certificate ------------------------------------------------------------

CREATE FUNCTION sick_leave_print_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    cert record;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'print_history_fixed' USING ERRCODE = 'MC098', DETAIL = format('print %s', OLD.id);
    END IF;
    SELECT * INTO cert FROM sick_leave_certificates WHERE id = NEW.certificate_id;
    IF NOT FOUND OR cert.status NOT IN ('issued', 'closed') THEN
        RAISE EXCEPTION 'not_printable' USING ERRCODE = 'MC099', DETAIL = format('certificate %s', NEW.certificate_id);
    END IF;
    NEW.organization_id := cert.organization_id;
    NEW.patient_id := cert.patient_id;
    NEW.number := cert.number;
    NEW.printed_by := session_user;
    NEW.printed_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER sick_leave_print_rules BEFORE INSERT OR UPDATE OR DELETE ON sick_leave_print_events
    FOR EACH ROW EXECUTE FUNCTION sick_leave_print_rules();

-- --- Refused attempts on the certificates and blanks are kept too (0012's function, more tables) --------

CREATE OR REPLACE FUNCTION audit_refusal(p_table text, p_key text, p_reason text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    k integer;
    pid integer;
BEGIN
    IF p_table IS NULL OR p_table NOT IN ('medical_cards', 'medical_records', 'diagnoses', 'order_lines',
                                          'service_performances', 'appointments', 'medication_prescriptions',
                                          'patient_communications', 'insurer_approvals',
                                          'sick_leave_certificates', 'sick_leave_blanks',
                                          'sick_leave_blank_batches', 'sick_leave_blank_issues') THEN
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
        ELSIF p_table IN ('sick_leave_blanks', 'sick_leave_blank_batches', 'sick_leave_blank_issues') THEN
            pid := NULL;  -- blanks concern no patient
        ELSIF to_regclass(p_table) IS NOT NULL THEN
            -- The tables of later migrations carry patient_id themselves.
            EXECUTE format('SELECT patient_id FROM %I WHERE id = $1', p_table) INTO pid USING k;
        END IF;
    END IF;
    PERFORM audit_write('REFUSED', p_table, left(coalesce(p_key, ''), 64), pid, NULL, NULL,
                        left(coalesce(p_reason, ''), 1000));
END
$$;
