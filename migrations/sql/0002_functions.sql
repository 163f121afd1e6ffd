-- Functions of migration 0002: identity of the connected user, the audit trail, reading medical
-- records, and user management for the administrator. Every function here runs as the owner
-- (SECURITY DEFINER) with a pinned search_path; EXECUTE is granted from the permission matrix.
-- Identity is always session_user: the login role, whatever role the session switched to.
-- Login role names contain a dot (<ns>.<login>): look them up in pg_roles, never with to_regrole()
-- or ::regrole, which read the dot as a qualified name.

CREATE FUNCTION app_namespace() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT role_namespace FROM installation $$;

CREATE FUNCTION app_user_organization_ids() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT coalesce(array_agg(uo.organization_id), '{}')
    FROM users u JOIN user_organizations uo ON uo.user_id = u.id
    WHERE u.role_name = session_user::text
$$;

CREATE FUNCTION app_user_card_type_ids() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT coalesce(array_agg(a.card_type_id), '{}')
    FROM users u JOIN staff_card_type_access a ON a.staff_member_id = u.staff_member_id
    WHERE u.role_name = session_user::text
$$;

CREATE FUNCTION app_user_staff_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT staff_member_id FROM users WHERE role_name = session_user::text $$;

CREATE FUNCTION app_has_job(p_job text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1 FROM pg_roles r
        WHERE r.rolname = app_namespace() || '_' || p_job AND pg_has_role(session_user, r.oid, 'MEMBER')
    )
$$;

-- The one writer of audit_log. No login may execute it: rows come from triggers and functions below.
CREATE FUNCTION audit_write(
    p_action text, p_table text, p_key text, p_patient integer, p_old jsonb, p_new jsonb, p_details text
) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    INSERT INTO audit_log (login_role, user_id, staff_member_id, user_name, workstation, action,
                           table_name, row_key, patient_id, old_values, new_values, details)
    SELECT session_user::text, u.id, u.staff_member_id,
           coalesce(btrim(concat_ws(' ', s.last_name, s.first_name, s.middle_name)), ''),
           left(coalesce(current_setting('application_name', true), ''), 100),
           p_action, p_table, p_key, p_patient, p_old, p_new, coalesce(p_details, '')
    FROM (SELECT 1) AS one
    LEFT JOIN users u ON u.role_name = session_user::text
    LEFT JOIN staff_members s ON s.id = u.staff_member_id
$$;

-- AFTER ROW trigger: TG_ARGV[0] says how to find the patient ('' none, a column name, or '@card'
-- for rows that carry card_id), TG_ARGV[1] the comma-separated key columns.
CREATE FUNCTION audit_row_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    o jsonb;
    n jsonb;
    old_diff jsonb;
    new_diff jsonb;
    row_key text;
    pid integer;
    patient_ref text := TG_ARGV[0];
    -- Generated columns (e.g. the normalized search name) only repeat others: not recorded.
    derived text[] := ARRAY(SELECT attname::text FROM pg_attribute
                            WHERE attrelid = TG_RELID AND attgenerated <> '' AND NOT attisdropped);
BEGIN
    IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD) - derived; END IF;
    IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW) - derived; END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(k, o -> k), jsonb_object_agg(k, n -> k)
          INTO old_diff, new_diff
          FROM jsonb_object_keys(n) AS k
         WHERE (o -> k) IS DISTINCT FROM (n -> k) AND k NOT IN ('updated_at', 'version');
        IF new_diff IS NULL THEN
            RETURN NULL;  -- nothing a person would call a change
        END IF;
    ELSE
        old_diff := o;
        new_diff := n;
    END IF;
    SELECT string_agg(coalesce(n, o) ->> c, ',') INTO row_key
      FROM unnest(string_to_array(TG_ARGV[1], ',')) AS c;
    IF patient_ref = '@card' THEN
        SELECT c.patient_id INTO pid FROM medical_cards c WHERE c.id = (coalesce(n, o) ->> 'card_id')::integer;
    ELSIF patient_ref <> '' THEN
        pid := (coalesce(n, o) ->> patient_ref)::integer;
    END IF;
    PERFORM audit_write(TG_OP, TG_TABLE_NAME, row_key, pid, old_diff, new_diff, '');
    RETURN NULL;
END
$$;

-- Monthly partitions from last month to p_months_ahead months ahead (rows outside land in
-- audit_log_default). Owner only; `medcenter db upgrade` runs it.
CREATE FUNCTION audit_ensure_partitions(p_months_ahead integer DEFAULT 24) RETURNS integer
LANGUAGE plpgsql SET search_path = public, pg_temp
AS $$
DECLARE
    m timestamp := date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month';
    last_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => p_months_ahead);
    part text;
    created integer := 0;
BEGIN
    WHILE m <= last_month LOOP
        part := format('audit_log_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'));
        IF to_regclass(part) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)',
                           part, (m AT TIME ZONE 'UTC'), ((m + interval '1 month') AT TIME ZONE 'UTC'));
            created := created + 1;
        END IF;
        m := m + interval '1 month';
    END LOOP;
    RETURN created;
END
$$;

-- Opening a card: the records of one card, for a caller granted its type in its organization.
-- The only way to read medical_records content, so every opening is in the audit trail.
CREATE FUNCTION card_records(p_card_id integer) RETURNS SETOF medical_records
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    card medical_cards;
BEGIN
    SELECT * INTO card FROM medical_cards c
     WHERE c.id = p_card_id
       AND c.organization_id = ANY (app_user_organization_ids())
       AND c.card_type_id = ANY (app_user_card_type_ids());
    IF NOT FOUND THEN
        RAISE EXCEPTION 'card_not_available' USING ERRCODE = 'MC010';
    END IF;
    PERFORM audit_write('READ', 'medical_cards', card.id::text, card.patient_id, NULL, NULL, 'card opened');
    RETURN QUERY SELECT * FROM medical_records r WHERE r.card_id = card.id ORDER BY r.recorded_at, r.id;
END
$$;

-- --- User management (administrator) ------------------------------------------------------------

CREATE FUNCTION admin_require() RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT app_has_job('administrator') THEN
        RAISE EXCEPTION 'not_administrator' USING ERRCODE = '42501';
    END IF;
END
$$;

CREATE FUNCTION admin_role_of(p_login text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    r text := app_namespace() || '.' || p_login;
BEGIN
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_\-]{0,19}$' OR NOT EXISTS (SELECT 1 FROM users WHERE role_name = r) THEN
        RAISE EXCEPTION 'unknown_user' USING ERRCODE = 'MC005';
    END IF;
    RETURN r;
END
$$;

CREATE FUNCTION admin_forbid_self(p_role text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_role = session_user::text THEN
        RAISE EXCEPTION 'own_rights' USING ERRCODE = 'MC002';
    END IF;
END
$$;

-- Unlocked logins holding the administrator job, other than p_except.
CREATE FUNCTION admin_other_active_administrators(p_except text) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT count(*)::integer FROM users u JOIN pg_roles r ON r.rolname = u.role_name
     WHERE r.rolcanlogin AND u.role_name <> p_except
       AND pg_has_role(r.oid, (SELECT g.oid FROM pg_roles g WHERE g.rolname = app_namespace() || '_administrator'),
                       'MEMBER')
$$;

CREATE FUNCTION admin_check_jobs(p_jobs text[]) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    j text;
BEGIN
    FOREACH j IN ARRAY coalesce(p_jobs, '{}') LOOP
        IF j IS NULL OR j IN ('owner', 'user') OR j !~ '^[a-z_]{1,30}$'
           OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_namespace() || '_' || j) THEN
            RAISE EXCEPTION 'unknown_job %', j USING ERRCODE = 'MC004';
        END IF;
    END LOOP;
END
$$;

CREATE FUNCTION admin_check_verifier(p_verifier text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp
AS $$
BEGIN
    -- Only SCRAM verifiers computed on the client: a plain password never reaches the server.
    IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'invalid_verifier' USING ERRCODE = 'MC004';
    END IF;
END
$$;

CREATE FUNCTION admin_job_list(p_role text) RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT coalesce(array_agg(substr(g.rolname, length(app_namespace()) + 2) ORDER BY g.rolname), '{}')
      FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
     WHERE u.rolname = p_role AND starts_with(g.rolname, app_namespace() || '_')
       AND g.rolname NOT IN (app_namespace() || '_owner', app_namespace() || '_user')
$$;

CREATE FUNCTION admin_set_organizations_internal(p_user_id integer, p_organization_ids integer[], p_default integer)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_default IS NOT NULL AND NOT (p_default = ANY (coalesce(p_organization_ids, '{}'))) THEN
        RAISE EXCEPTION 'default_not_assigned' USING ERRCODE = 'MC004';
    END IF;
    DELETE FROM user_organizations WHERE user_id = p_user_id
       AND NOT (organization_id = ANY (coalesce(p_organization_ids, '{}')));
    INSERT INTO user_organizations (user_id, organization_id)
    SELECT p_user_id, o FROM unnest(coalesce(p_organization_ids, '{}')) AS o
    ON CONFLICT DO NOTHING;
    UPDATE users SET default_organization_id = p_default WHERE id = p_user_id
       AND default_organization_id IS DISTINCT FROM p_default;
END
$$;

CREATE FUNCTION admin_create_user(
    p_login text, p_verifier text, p_staff_member_id integer, p_jobs text[],
    p_organization_ids integer[], p_default_organization_id integer
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    ns text := app_namespace();
    r text;
    j text;
    new_id integer;
BEGIN
    PERFORM admin_require();
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9_\-]{0,19}$' THEN
        RAISE EXCEPTION 'invalid_login' USING ERRCODE = 'MC004';
    END IF;
    PERFORM admin_check_verifier(p_verifier);
    PERFORM admin_check_jobs(p_jobs);
    r := ns || '.' || p_login;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) OR EXISTS (SELECT 1 FROM users WHERE login = p_login) THEN
        RAISE EXCEPTION 'login_taken' USING ERRCODE = 'MC003';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', r, p_verifier);
    EXECUTE format('GRANT %I TO %I', ns || '_user', r);
    FOREACH j IN ARRAY coalesce(p_jobs, '{}') LOOP
        EXECUTE format('GRANT %I TO %I', ns || '_' || j, r);
    END LOOP;
    INSERT INTO users (login, role_name, staff_member_id) VALUES (p_login, r, p_staff_member_id)
    RETURNING id INTO new_id;
    PERFORM admin_set_organizations_internal(new_id, p_organization_ids, p_default_organization_id);
    PERFORM audit_write('ADMIN', 'users', new_id::text, NULL, NULL,
                        jsonb_build_object('login', p_login, 'jobs', to_jsonb(coalesce(p_jobs, '{}'))),
                        'user created');
    RETURN new_id;
END
$$;

CREATE FUNCTION admin_set_password(p_login text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    r text;
BEGIN
    PERFORM admin_require();
    r := admin_role_of(p_login);
    PERFORM admin_check_verifier(p_verifier);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', r, p_verifier);
    PERFORM audit_write('ADMIN', 'users', (SELECT id::text FROM users WHERE role_name = r), NULL, NULL, NULL,
                        'password set');
END
$$;

CREATE FUNCTION admin_set_locked(p_login text, p_locked boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    r text;
BEGIN
    PERFORM admin_require();
    r := admin_role_of(p_login);
    PERFORM admin_forbid_self(r);
    IF p_locked AND 'administrator' = ANY (admin_job_list(r)) AND admin_other_active_administrators(r) = 0 THEN
        RAISE EXCEPTION 'last_administrator' USING ERRCODE = 'MC001';
    END IF;
    EXECUTE format('ALTER ROLE %I %s', r, CASE WHEN p_locked THEN 'NOLOGIN' ELSE 'LOGIN' END);
    IF p_locked THEN
        BEGIN
            -- A locked user's open sessions end now, not at their next login.
            PERFORM pg_terminate_backend(a.pid) FROM pg_stat_activity a WHERE a.usename = r;
        EXCEPTION WHEN insufficient_privilege THEN
            NULL;  -- the owner lacks pg_signal_backend on this server; sessions end on their own
        END;
    END IF;
    PERFORM audit_write('ADMIN', 'users', (SELECT id::text FROM users WHERE role_name = r), NULL,
                        jsonb_build_object('locked', NOT p_locked), jsonb_build_object('locked', p_locked),
                        CASE WHEN p_locked THEN 'user locked' ELSE 'user unlocked' END);
END
$$;

CREATE FUNCTION admin_set_jobs(p_login text, p_jobs text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    ns text := app_namespace();
    r text;
    old_jobs text[];
    j text;
BEGIN
    PERFORM admin_require();
    r := admin_role_of(p_login);
    PERFORM admin_forbid_self(r);
    PERFORM admin_check_jobs(p_jobs);
    old_jobs := admin_job_list(r);
    IF 'administrator' = ANY (old_jobs) AND NOT ('administrator' = ANY (coalesce(p_jobs, '{}')))
       AND (SELECT rolcanlogin FROM pg_roles WHERE rolname = r)
       AND admin_other_active_administrators(r) = 0 THEN
        RAISE EXCEPTION 'last_administrator' USING ERRCODE = 'MC001';
    END IF;
    FOREACH j IN ARRAY old_jobs LOOP
        IF NOT (j = ANY (coalesce(p_jobs, '{}'))) THEN
            EXECUTE format('REVOKE %I FROM %I', ns || '_' || j, r);
        END IF;
    END LOOP;
    FOREACH j IN ARRAY coalesce(p_jobs, '{}') LOOP
        IF NOT (j = ANY (old_jobs)) THEN
            EXECUTE format('GRANT %I TO %I', ns || '_' || j, r);
        END IF;
    END LOOP;
    PERFORM audit_write('ADMIN', 'users', (SELECT id::text FROM users WHERE role_name = r), NULL,
                        jsonb_build_object('jobs', to_jsonb(old_jobs)),
                        jsonb_build_object('jobs', to_jsonb(admin_job_list(r))), 'jobs changed');
END
$$;

CREATE FUNCTION admin_set_organizations(p_login text, p_organization_ids integer[], p_default integer)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    r text;
BEGIN
    PERFORM admin_require();
    r := admin_role_of(p_login);
    PERFORM admin_forbid_self(r);
    PERFORM admin_set_organizations_internal((SELECT id FROM users WHERE role_name = r), p_organization_ids, p_default);
END
$$;

CREATE FUNCTION admin_link_staff(p_login text, p_staff_member_id integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    r text;
BEGIN
    PERFORM admin_require();
    r := admin_role_of(p_login);
    -- Linking oneself to another staff member would take over that member's card access.
    PERFORM admin_forbid_self(r);
    UPDATE users SET staff_member_id = p_staff_member_id WHERE role_name = r
       AND staff_member_id IS DISTINCT FROM p_staff_member_id;
END
$$;

CREATE FUNCTION admin_set_card_types(p_staff_member_id integer, p_card_type_ids integer[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM admin_require();
    IF p_staff_member_id IS NOT DISTINCT FROM app_user_staff_id() THEN
        RAISE EXCEPTION 'own_rights' USING ERRCODE = 'MC002';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM staff_members WHERE id = p_staff_member_id) THEN
        RAISE EXCEPTION 'unknown_staff' USING ERRCODE = 'MC005';
    END IF;
    DELETE FROM staff_card_type_access WHERE staff_member_id = p_staff_member_id
       AND NOT (card_type_id = ANY (coalesce(p_card_type_ids, '{}')));
    INSERT INTO staff_card_type_access (staff_member_id, card_type_id)
    SELECT p_staff_member_id, t FROM unnest(coalesce(p_card_type_ids, '{}')) AS t
    ON CONFLICT DO NOTHING;
END
$$;
