-- Merging duplicate patients carries everything that belongs to the patient (migration 0014).
--
-- 0003's merge_patients() moved cards, phones, documents, policies, addresses, consents and
-- representatives. The tables of migrations 0004..0013 that refer to a patient were left on the
-- duplicate: bookings, waiting_list, orders, payers (a private payer who is a client), cash_operations,
-- tax_certificates (patient_id and taxpayer_patient_id), service_performances, appointments and
-- medication_prescriptions (which repeat their card's patient), patient_communications,
-- insurer_approvals, sick_leave_certificates and sick_leave_print_events. merge_patient_references()
-- moves them all; merge_patients() is 0003's function with that call added (and the tombstones of
-- earlier merges into the dropped patient re-pointed at the kept one).
--
-- What stays as it is:
--   * snapshots: names and documents printed on a fiscal receipt, a tax certificate (taxpayer, patient
--     jsonb), a sick-leave certificate (surname, first_name, ..., snils) or a payer register line are
--     what was printed; only the patient reference moves;
--   * the audit trail: audit_log rows keep the patient they were written for (the merge itself is one
--     ADMIN row on the kept patient naming the dropped one; every moved row gets its own UPDATE row);
--   * the dropped patient stays a tombstone (merged_into_id), so old references still resolve.
--
-- Collisions on a move. None of the moved tables has a unique constraint that includes the patient
-- (their unique keys are per row: an order line's performance or appointment, a blank's number, a cash
-- operation's idempotency key, an insurer's reference number, a tax certificate's number within the
-- organization's year), so every row moves and none is dropped or merged:
--   * deposits are not rows but the sum of the client's cash operations (cash_desk.deposit_balance):
--     moving the operations adds the duplicate's advance to the kept patient's balance, and the returns
--     still go back against the advances they came from. The merge takes the cash desk's deposit lock
--     (pg_advisory_xact_lock(hashtext('medcenter.deposit'), patient)) of both patients, lower id first,
--     so no sale or return spends either balance while it moves;
--   * tax certificates of both for one year stay two issued documents; the next one for the kept patient
--     continues the numbering of the newest of them (cash_reports looks them up by patient and taxpayer).
--     A certificate where the kept patient paid for the duplicate keeps taxpayer_patient_id = patient_id
--     after the move (the printed taxpayer and patient are in its snapshot);
--   * two private payers linked to the two records both link to the kept patient (agreements, registers
--     and order lines refer to the payer rows, so they are not merged here);
--   * legal representatives, phones: 0003's rules (a duplicate link or phone number is dropped).
--
-- Triggers of later migrations refuse a change of a row's patient. Each of them now lets through exactly
-- the move of a merge: the row's patient changes to the patient its old one is merged into, and nothing
-- else of the row changes (updated_at and version aside) -- merge_moved_row(); every other change of the
-- patient is refused as before: cash_operation_guard (MC040; the client of an unfinished operation is now
-- fixed too: the service never changes it, and the deposit balance is counted by it), appointment_rules
-- (MC074/MC075), medication_prescription_rules (MC075), patient_communication_rules (MC081),
-- insurer_approval_rules (MC089), sick_leave_certificate_rules (MC095), sick_leave_print_rules (MC098).
-- service_performances and tax_certificates have no update trigger: no role may update them (grants);
-- the merge runs as the owner. The downgrade restores the previous bodies from their files.

-- True when a row moves from a merged patient to the patient it was merged into and nothing else of it
-- changes (updated_at and version aside). Called by the security-definer trigger functions below.
CREATE FUNCTION merge_moved_row(p_old_patient integer, p_new_patient integer, p_old jsonb, p_new jsonb)
RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT coalesce(p_old_patient <> p_new_patient
                    AND (SELECT merged_into_id FROM patients WHERE id = p_old_patient) = p_new_patient
                    AND p_new - ARRAY['patient_id', 'updated_at', 'version']
                        = p_old - ARRAY['patient_id', 'updated_at', 'version'], false)
$$;

-- Moves the rows of the tables of migrations 0004.. from patient p_drop to p_keep (p_drop must already
-- be merged into p_keep: the triggers let exactly that move through). Not granted to anyone: called by
-- merge_patients() and by this migration for the merges done before it.
CREATE FUNCTION merge_patient_references(p_keep integer, p_drop integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    -- registry and scheduling
    UPDATE bookings SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE waiting_list SET patient_id = p_keep WHERE patient_id = p_drop;
    -- contracts, orders, money
    UPDATE orders SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE payers SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE cash_operations SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE tax_certificates SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE tax_certificates SET taxpayer_patient_id = p_keep WHERE taxpayer_patient_id = p_drop;
    UPDATE insurer_approvals SET patient_id = p_keep WHERE patient_id = p_drop;
    -- clinical rows that repeat their card's (or order's) patient: the cards moved in merge_patients()
    UPDATE service_performances SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE appointments SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE medication_prescriptions SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE sick_leave_certificates SET patient_id = p_keep WHERE patient_id = p_drop;
    UPDATE sick_leave_print_events SET patient_id = p_keep WHERE patient_id = p_drop;
    -- communications
    UPDATE patient_communications SET patient_id = p_keep WHERE patient_id = p_drop;
END
$$;

-- 0003's merge_patients(), same checks and moves, then: the deposit locks of both patients first, the
-- tombstones of earlier merges into p_drop re-pointed at p_keep (a tombstone always names a live
-- record), and merge_patient_references() once p_drop is a tombstone.
CREATE OR REPLACE FUNCTION merge_patients(p_keep integer, p_drop integer) RETURNS void
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
    -- The cash desk's lock of a client's deposit (shared/services/cash_desk.py _lock_deposit), lower id first.
    PERFORM pg_advisory_xact_lock(hashtext('medcenter.deposit'), least(p_keep, p_drop));
    PERFORM pg_advisory_xact_lock(hashtext('medcenter.deposit'), greatest(p_keep, p_drop));
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
    UPDATE patients SET merged_into_id = p_keep, version = version + 1 WHERE merged_into_id = p_drop;
    PERFORM merge_patient_references(p_keep, p_drop);
    PERFORM audit_write('ADMIN', 'patients', p_keep::text, p_keep,
                        jsonb_build_object('merged_patient_id', p_drop), jsonb_build_object('kept_patient_id', p_keep),
                        'patients merged');
END
$$;

-- The trigger functions of migrations 0006, 0010, 0011 and 0013 that refuse a change of a row's patient,
-- each with the move of a merge let through first (the rest is the previous body, unchanged).

-- cash_operation_guard: 0006_cash_desk.sql
CREATE OR REPLACE FUNCTION cash_operation_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    -- This function runs with the caller's rights: the check of a merge is read only when the client changes.
    IF NEW.patient_id IS DISTINCT FROM OLD.patient_id THEN
        IF (SELECT merged_into_id FROM patients WHERE id = OLD.patient_id) = NEW.patient_id
           AND to_jsonb(NEW) - ARRAY['patient_id', 'updated_at'] = to_jsonb(OLD) - ARRAY['patient_id', 'updated_at'] THEN
            RETURN NEW;  -- 0014: merged into another patient, nothing else changed
        END IF;
    END IF;
    IF OLD.state IN ('completed', 'failed', 'voided') THEN
        RAISE EXCEPTION 'cash_operation_finished' USING ERRCODE = 'MC040',
            DETAIL = format('operation %s is %s', OLD.id, OLD.state);
    END IF;
    IF NEW.kind <> OLD.kind OR NEW.desk_id <> OLD.desk_id OR NEW.idempotency_key <> OLD.idempotency_key
       OR NEW.total <> OLD.total OR NEW.organization_id <> OLD.organization_id
       OR NEW.patient_id IS DISTINCT FROM OLD.patient_id THEN
        RAISE EXCEPTION 'cash_operation_identity' USING ERRCODE = 'MC040';
    END IF;
    NEW.updated_at := clock_timestamp();
    IF NEW.state = 'completed' THEN
        NEW.fiscal_at := clock_timestamp();
    END IF;
    RETURN NEW;
END $$;
-- appointment_rules: 0010_clinical_orders.sql
CREATE OR REPLACE FUNCTION appointment_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := app_user_staff_id();
    rec medical_records;
    card medical_cards;
    service record;
    line record;
    derived text;
    content_changed boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'planned' THEN
            RAISE EXCEPTION 'appointment_not_planned' USING ERRCODE = 'MC074',
                DETAIL = format('appointment %s is %s', OLD.id, OLD.status);
        END IF;
        IF OLD.record_id IS NOT NULL THEN
            PERFORM clinical_order_record(OLD.record_id);
        ELSIF me IS DISTINCT FROM OLD.created_by THEN
            RAISE EXCEPTION 'appointment_not_author' USING ERRCODE = 'MC072', DETAIL = format('appointment %s', OLD.id);
        END IF;
        RETURN OLD;
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NEW.record_id IS NOT NULL THEN
            rec := clinical_order_record(NEW.record_id);
            NEW.card_id := rec.card_id;
        END IF;
        SELECT * INTO card FROM medical_cards WHERE id = NEW.card_id;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'appointment_without_card' USING ERRCODE = 'MC070',
                DETAIL = format('card %s', NEW.card_id);
        END IF;
        NEW.card_type_id := card.card_type_id;
        NEW.organization_id := card.organization_id;
        NEW.patient_id := card.patient_id;
        IF me IS NOT NULL THEN
            NEW.created_by := me;
        END IF;
        IF NEW.status <> 'planned' OR NEW.order_line_id IS NOT NULL OR NEW.booking_id IS NOT NULL THEN
            RAISE EXCEPTION 'appointment_starts_planned' USING ERRCODE = 'MC074';
        END IF;
        content_changed := true;
    ELSE
        IF merge_moved_row(OLD.patient_id, NEW.patient_id, to_jsonb(OLD), to_jsonb(NEW)) THEN
            RETURN NEW;  -- 0014: merged into another patient, nothing else changed
        END IF;
        IF to_jsonb(NEW) - ARRAY['card_type_id', 'organization_id', 'updated_at']
           IS NOT DISTINCT FROM to_jsonb(OLD) - ARRAY['card_type_id', 'organization_id', 'updated_at'] THEN
            RETURN NEW;  -- the card moved (cascade), or nothing changed
        END IF;
        IF OLD.status IN ('performed', 'cancelled') THEN
            RAISE EXCEPTION 'appointment_final' USING ERRCODE = 'MC074',
                DETAIL = format('appointment %s is %s', OLD.id, OLD.status);
        END IF;
        IF NEW.record_id IS DISTINCT FROM OLD.record_id OR NEW.card_id <> OLD.card_id
           OR NEW.patient_id <> OLD.patient_id OR NEW.created_by IS DISTINCT FROM OLD.created_by
           OR NEW.created_at <> OLD.created_at
           OR (OLD.order_line_id IS NOT NULL AND NEW.order_line_id IS DISTINCT FROM OLD.order_line_id) THEN
            RAISE EXCEPTION 'appointment_identity_fixed' USING ERRCODE = 'MC075',
                DETAIL = format('appointment %s', OLD.id);
        END IF;
        content_changed := (NEW.service_id, NEW.indication, NEW.urgency, NEW.due_on, NEW.quantity, NEW.note)
                           IS DISTINCT FROM
                           (OLD.service_id, OLD.indication, OLD.urgency, OLD.due_on, OLD.quantity, OLD.note);
        IF content_changed THEN
            IF OLD.status <> 'planned' THEN
                RAISE EXCEPTION 'appointment_ordered_fixed' USING ERRCODE = 'MC075',
                    DETAIL = format('appointment %s is %s', OLD.id, OLD.status);
            END IF;
            IF OLD.record_id IS NOT NULL THEN
                PERFORM clinical_order_record(OLD.record_id);
            ELSIF me IS DISTINCT FROM OLD.created_by THEN
                RAISE EXCEPTION 'appointment_not_author' USING ERRCODE = 'MC072',
                    DETAIL = format('appointment %s', OLD.id);
            END IF;
        END IF;
    END IF;

    IF content_changed THEN
        SELECT organization_id, is_active INTO service FROM medical_services WHERE id = NEW.service_id;
        IF NOT FOUND OR NOT service.is_active OR service.organization_id <> NEW.organization_id THEN
            RAISE EXCEPTION 'appointment_service_unknown' USING ERRCODE = 'MC073',
                DETAIL = format('service %s', NEW.service_id);
        END IF;
    END IF;

    IF TG_OP = 'UPDATE' THEN
        IF NEW.order_line_id IS NULL THEN
            IF NEW.booking_id IS NOT NULL OR NEW.status NOT IN ('planned', 'cancelled')
               OR (OLD.status = 'planned' AND NEW.status NOT IN ('planned', 'cancelled')) THEN
                RAISE EXCEPTION 'appointment_status' USING ERRCODE = 'MC074',
                    DETAIL = format('appointment %s: %s -> %s without an order line', OLD.id, OLD.status, NEW.status);
            END IF;
        ELSE
            SELECT l.*, o.patient_id AS order_patient_id INTO line
              FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = NEW.order_line_id;
            IF OLD.order_line_id IS NULL AND (line.order_patient_id IS DISTINCT FROM NEW.patient_id
                                              OR line.service_id <> NEW.service_id
                                              OR line.organization_id <> NEW.organization_id) THEN
                RAISE EXCEPTION 'appointment_line_mismatch' USING ERRCODE = 'MC076',
                    DETAIL = format('appointment %s, line %s', OLD.id, NEW.order_line_id);
            END IF;
            IF OLD.status = 'cancelled' THEN
                RAISE EXCEPTION 'appointment_final' USING ERRCODE = 'MC074';
            END IF;
            -- The status follows the line: a writer may not claim another one.
            derived := CASE WHEN line.status = 'cancelled' THEN 'cancelled'
                            WHEN line.status IN ('performed', 'closed') THEN 'performed'
                            WHEN line.booking_id IS NOT NULL THEN 'booked'
                            ELSE 'ordered' END;
            IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> derived THEN
                RAISE EXCEPTION 'appointment_status' USING ERRCODE = 'MC074',
                    DETAIL = format('appointment %s: %s, its line is %s', OLD.id, NEW.status, line.status);
            END IF;
            NEW.status := derived;
            NEW.booking_id := line.booking_id;
            IF derived = 'cancelled' AND length(btrim(NEW.cancel_reason)) = 0 THEN
                NEW.cancel_reason := coalesce(nullif(btrim(line.cancel_reason), ''), 'order line cancelled');
            END IF;
        END IF;
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END $$;
-- medication_prescription_rules: 0010_clinical_orders.sql
CREATE OR REPLACE FUNCTION medication_prescription_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := app_user_staff_id();
    rec medical_records;
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM clinical_order_record(OLD.record_id);
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        rec := clinical_order_record(NEW.record_id);
        NEW.card_id := rec.card_id;
        NEW.card_type_id := rec.card_type_id;
        NEW.organization_id := rec.organization_id;
        NEW.patient_id := (SELECT patient_id FROM medical_cards WHERE id = rec.card_id);
        IF me IS NOT NULL THEN
            NEW.created_by := me;
        END IF;
        RETURN NEW;
    END IF;
    IF merge_moved_row(OLD.patient_id, NEW.patient_id, to_jsonb(OLD), to_jsonb(NEW)) THEN
        RETURN NEW;  -- 0014: merged into another patient, nothing else changed
    END IF;
    IF to_jsonb(NEW) - ARRAY['card_type_id', 'organization_id', 'updated_at']
       IS NOT DISTINCT FROM to_jsonb(OLD) - ARRAY['card_type_id', 'organization_id', 'updated_at'] THEN
        RETURN NEW;  -- the card moved (cascade), or nothing changed
    END IF;
    IF NEW.record_id <> OLD.record_id OR NEW.card_id <> OLD.card_id OR NEW.patient_id <> OLD.patient_id
       OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'prescription_identity_fixed' USING ERRCODE = 'MC075',
            DETAIL = format('prescription %s', OLD.id);
    END IF;
    SELECT * INTO rec FROM medical_records WHERE id = OLD.record_id;
    IF rec.status = 'signed' THEN
        -- A signed record's prescription only ends (cancelled with a reason, or completed), by any
        -- medical worker who may open the card; nothing else of it changes.
        IF OLD.status <> 'active' OR NEW.status = 'active'
           OR to_jsonb(NEW) - ARRAY['status', 'cancel_reason', 'card_type_id', 'organization_id', 'updated_at',
                                    'version']
              IS DISTINCT FROM
              to_jsonb(OLD) - ARRAY['status', 'cancel_reason', 'card_type_id', 'organization_id', 'updated_at',
                                    'version'] THEN
            RAISE EXCEPTION 'record_signed' USING ERRCODE = 'MC071', DETAIL = format('record %s', rec.id);
        END IF;
    ELSE
        PERFORM clinical_order_record(OLD.record_id);
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END $$;
-- patient_communication_rules: 0011_communications.sql
CREATE OR REPLACE FUNCTION patient_communication_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    zone text;
    other integer;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'communication_kept' USING ERRCODE = 'MC082', DETAIL = format('communication %s', OLD.id);
    END IF;
    SELECT coalesce(time_zone, 'Europe/Moscow') INTO zone FROM organizations WHERE id = NEW.organization_id;
    IF TG_OP = 'INSERT' THEN
        NEW.recorded_by := session_user;
        NEW.created_at := now();
        IF NEW.staff_member_id IS NULL THEN
            NEW.staff_member_id := app_user_staff_id();
        END IF;
    ELSE
        IF merge_moved_row(OLD.patient_id, NEW.patient_id, to_jsonb(OLD), to_jsonb(NEW)) THEN
            RETURN NEW;  -- 0014: merged into another patient, nothing else changed
        END IF;
        IF OLD.recorded_by <> session_user::text THEN
            RAISE EXCEPTION 'communication_of_another_author' USING ERRCODE = 'MC081',
                DETAIL = format('communication %s is of %s', OLD.id, OLD.recorded_by);
        END IF;
        IF (OLD.created_at AT TIME ZONE zone)::date <> (now() AT TIME ZONE zone)::date THEN
            RAISE EXCEPTION 'communication_day_over' USING ERRCODE = 'MC081',
                DETAIL = format('communication %s was logged on %s', OLD.id, (OLD.created_at AT TIME ZONE zone)::date);
        END IF;
        IF NEW.patient_id <> OLD.patient_id OR NEW.organization_id <> OLD.organization_id
           OR NEW.recorded_by <> OLD.recorded_by OR NEW.created_at <> OLD.created_at THEN
            RAISE EXCEPTION 'communication_moved' USING ERRCODE = 'MC081', DETAIL = format('communication %s', OLD.id);
        END IF;
    END IF;
    IF NEW.occurred_at > now() + interval '5 minutes' THEN
        RAISE EXCEPTION 'communication_in_future' USING ERRCODE = 'MC080',
            DETAIL = format('occurred at %s', NEW.occurred_at);
    END IF;
    IF NEW.staff_member_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM staff_members WHERE id = NEW.staff_member_id AND organization_id = NEW.organization_id) THEN
        RAISE EXCEPTION 'staff_of_another_organization' USING ERRCODE = 'MC083',
            DETAIL = format('staff member %s', NEW.staff_member_id);
    END IF;
    IF NEW.order_id IS NOT NULL THEN
        SELECT patient_id INTO other FROM orders WHERE id = NEW.order_id AND organization_id = NEW.organization_id;
        IF NOT FOUND OR (other IS NOT NULL AND other <> NEW.patient_id) THEN
            RAISE EXCEPTION 'order_of_another_patient' USING ERRCODE = 'MC083', DETAIL = format('order %s', NEW.order_id);
        END IF;
    END IF;
    IF NEW.booking_id IS NOT NULL THEN
        SELECT patient_id INTO other FROM bookings WHERE id = NEW.booking_id AND organization_id = NEW.organization_id;
        IF NOT FOUND OR (other IS NOT NULL AND other <> NEW.patient_id) THEN
            RAISE EXCEPTION 'booking_of_another_patient' USING ERRCODE = 'MC083',
                DETAIL = format('booking %s', NEW.booking_id);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
-- insurer_approval_rules: 0011_communications.sql
CREATE OR REPLACE FUNCTION insurer_approval_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.recorded_by := session_user;
        IF NEW.recorded_staff_id IS NULL THEN
            NEW.recorded_staff_id := app_user_staff_id();
        END IF;
        IF NEW.status <> 'active' THEN
            RAISE EXCEPTION 'approval_starts_active' USING ERRCODE = 'MC089';
        END IF;
    ELSE
        IF merge_moved_row(OLD.patient_id, NEW.patient_id, to_jsonb(OLD), to_jsonb(NEW)) THEN
            RETURN NEW;  -- 0014: merged into another patient, nothing else changed
        END IF;
        IF OLD.status = 'revoked' THEN
            RAISE EXCEPTION 'approval_revoked' USING ERRCODE = 'MC089', DETAIL = format('approval %s', OLD.id);
        END IF;
        IF NEW.patient_id <> OLD.patient_id OR NEW.payer_id <> OLD.payer_id
           OR NEW.organization_id <> OLD.organization_id OR NEW.recorded_by <> OLD.recorded_by THEN
            RAISE EXCEPTION 'approval_moved' USING ERRCODE = 'MC089', DETAIL = format('approval %s', OLD.id);
        END IF;
        IF NEW.status = 'revoked' THEN
            NEW.revoked_at := now();
            NEW.revoked_by := session_user;
        END IF;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM payers WHERE id = NEW.payer_id AND organization_id = NEW.organization_id
                                          AND kind = 'insurer') THEN
        RAISE EXCEPTION 'payer_not_an_insurer' USING ERRCODE = 'MC083', DETAIL = format('payer %s', NEW.payer_id);
    END IF;
    IF NEW.agreement_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM agreements WHERE id = NEW.agreement_id AND payer_id = NEW.payer_id) THEN
        RAISE EXCEPTION 'agreement_of_another_payer' USING ERRCODE = 'MC083',
            DETAIL = format('agreement %s', NEW.agreement_id);
    END IF;
    IF NEW.recorded_staff_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM staff_members WHERE id = NEW.recorded_staff_id AND organization_id = NEW.organization_id) THEN
        RAISE EXCEPTION 'staff_of_another_organization' USING ERRCODE = 'MC083',
            DETAIL = format('staff member %s', NEW.recorded_staff_id);
    END IF;
    RETURN NEW;
END;
$$;
-- sick_leave_certificate_rules: 0013_sick_leave.sql
CREATE OR REPLACE FUNCTION sick_leave_certificate_rules() RETURNS trigger
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
        IF merge_moved_row(OLD.patient_id, NEW.patient_id, to_jsonb(OLD), to_jsonb(NEW)) THEN
            RETURN NEW;  -- 0014: merged into another patient, nothing else changed
        END IF;
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
-- sick_leave_print_rules: 0013_sick_leave.sql
CREATE OR REPLACE FUNCTION sick_leave_print_rules() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    cert record;
BEGIN
    IF TG_OP = 'UPDATE' AND merge_moved_row(OLD.patient_id, NEW.patient_id, to_jsonb(OLD), to_jsonb(NEW)) THEN
        RETURN NEW;  -- 0014: merged into another patient, nothing else changed
    END IF;
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
-- Merges done before this migration left these rows on the tombstones: they move now. Chains of
-- tombstones (a record merged into one merged later) are re-pointed at the live record first.
DO $$
DECLARE
    pass integer := 0;
    moved integer;
    t record;
BEGIN
    LOOP
        UPDATE patients p SET merged_into_id = target.merged_into_id, version = p.version + 1
          FROM patients target
         WHERE p.merged_into_id = target.id AND target.merged_into_id IS NOT NULL;
        GET DIAGNOSTICS moved = ROW_COUNT;
        pass := pass + 1;
        EXIT WHEN moved = 0 OR pass > 100;
    END LOOP;
    FOR t IN SELECT id, merged_into_id FROM patients WHERE merged_into_id IS NOT NULL ORDER BY id LOOP
        PERFORM merge_patient_references(t.merged_into_id, t.id);
    END LOOP;
END
$$;
