-- Cash desk rules the database keeps whoever writes. Trigger functions run with the caller's rights and a
-- pinned search_path. Errors carry SQLSTATEs MC040..MC049; the services check first, these are the last line.

-- A finished operation (completed, failed, voided) keeps what it recorded; updated_at follows every change
-- and fiscal_at is the moment it completed, by the database's clock.
CREATE FUNCTION cash_operation_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF OLD.state IN ('completed', 'failed', 'voided') THEN
        RAISE EXCEPTION 'cash_operation_finished' USING ERRCODE = 'MC040',
            DETAIL = format('operation %s is %s', OLD.id, OLD.state);
    END IF;
    IF NEW.kind <> OLD.kind OR NEW.desk_id <> OLD.desk_id OR NEW.idempotency_key <> OLD.idempotency_key
       OR NEW.total <> OLD.total OR NEW.organization_id <> OLD.organization_id THEN
        RAISE EXCEPTION 'cash_operation_identity' USING ERRCODE = 'MC040';
    END IF;
    NEW.updated_at := clock_timestamp();
    IF NEW.state = 'completed' THEN
        NEW.fiscal_at := clock_timestamp();
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER cash_operation_guard BEFORE UPDATE ON cash_operations
    FOR EACH ROW EXECUTE FUNCTION cash_operation_guard();

-- The device journal is evidence: rows are added, never changed or removed.
CREATE FUNCTION cash_steps_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'cash_steps_append_only' USING ERRCODE = 'MC041';
END $$;

CREATE TRIGGER cash_steps_append_only BEFORE UPDATE OR DELETE ON cash_operation_steps
    FOR EACH ROW EXECUTE FUNCTION cash_steps_append_only();

-- A line a cash operation holds (being paid, or paid) cannot be cancelled: the money is refunded first.
CREATE FUNCTION order_line_cash_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.status = 'cancelled' AND OLD.status <> 'cancelled' AND NEW.cash_operation_id IS NOT NULL THEN
        RAISE EXCEPTION 'order_line_held_by_cash' USING ERRCODE = 'MC042',
            DETAIL = format('order line %s, cash operation %s', OLD.id, NEW.cash_operation_id);
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER order_line_cash_guard BEFORE UPDATE OF status ON order_lines
    FOR EACH ROW EXECUTE FUNCTION order_line_cash_guard();
