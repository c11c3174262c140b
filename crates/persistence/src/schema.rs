// One schema that both migration sets satisfy (checked by the test suite on both backends).

diesel::table! {
    units (id) {
        id -> BigInt,
        code -> Text,
        level -> Text,
        name -> Text,
        search_name -> Text,
        division_type -> Text,
        parent_id -> Nullable<BigInt>,
        path -> Text,
        depth -> Integer,
        valid_from -> Nullable<Date>,
        valid_to -> Nullable<Date>,
        code_list -> Nullable<Text>,
        closing_basis -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    unit_names (id) {
        id -> BigInt,
        unit_id -> BigInt,
        name -> Text,
        valid_from -> Nullable<Date>,
        valid_to -> Date,
        legal_basis -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reorganisations (id) {
        id -> BigInt,
        kind -> Text,
        effective_date -> Date,
        legal_basis -> Text,
        note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    unit_successions (id) {
        id -> BigInt,
        reorganisation_id -> BigInt,
        predecessor_id -> BigInt,
        successor_id -> BigInt,
        partial -> Bool,
        village_move -> Bool,
    }
}

diesel::table! {
    seed_datasets (name) {
        name -> Text,
        checksum -> Text,
        row_count -> BigInt,
        loaded_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (scope, key) {
        key -> Text,
        scope -> Text,
        request_hash -> Text,
        status -> Integer,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(unit_names -> units (unit_id));
diesel::joinable!(unit_successions -> reorganisations (reorganisation_id));

diesel::allow_tables_to_appear_in_same_query!(
    drives,
    drive_registrations,
    emulation_plans,
    emulation_reviews,
    emulation_reports,
    awards,
    units,
    unit_names,
    reorganisations,
    unit_successions,
    seed_datasets,
    idempotency_keys,
    accounts,
    account_roles,
    account_units,
    api_keys,
    refresh_tokens,
    audit_log,
    frameworks,
    organisations,
    households,
    citizens,
    clans,
    clan_households,
    learning_centres,
    decisions,
    evaluations,
    evidence,
    unit_current,
    unit_places,
    stat_evaluations,
    stat_recognitions,
    stat_registry,
    targets,
    declared_values,
);

diesel::table! {
    accounts (id) {
        id -> BigInt,
        username -> Text,
        display_name -> Text,
        kind -> Text,
        password_hash -> Nullable<Text>,
        must_change_password -> Bool,
        disabled -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    account_roles (account_id, role) {
        account_id -> BigInt,
        role -> Text,
    }
}

diesel::table! {
    account_units (account_id, unit_id) {
        account_id -> BigInt,
        unit_id -> BigInt,
    }
}

diesel::table! {
    api_keys (id) {
        id -> BigInt,
        account_id -> BigInt,
        name -> Text,
        prefix -> Text,
        key_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    refresh_tokens (token_hash) {
        token_hash -> Text,
        family -> Text,
        account_id -> BigInt,
        issued_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<BigInt>,
        actor_username -> Text,
        request_id -> Text,
        entity -> Text,
        entity_id -> Text,
        action -> Text,
        unit_id -> Nullable<BigInt>,
        unit_path -> Nullable<Text>,
        changes -> Text,
    }
}

diesel::joinable!(account_roles -> accounts (account_id));
diesel::joinable!(account_units -> accounts (account_id));
diesel::joinable!(account_units -> units (unit_id));
diesel::joinable!(api_keys -> accounts (account_id));

diesel::table! {
    frameworks (id) {
        id -> BigInt,
        framework_key -> Text,
        version -> Integer,
        status -> Text,
        model_kind -> Text,
        name_vi -> Text,
        valid_from -> Nullable<Date>,
        valid_to -> Nullable<Date>,
        province_id -> Nullable<BigInt>,
        document -> Text,
        shipped -> Bool,
        row_version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
        retired_at -> Nullable<Timestamp>,
        template -> Bool,
    }
}

diesel::table! {
    organisations (id) {
        id -> BigInt,
        name -> Text,
        org_type -> Text,
        managing_level -> Text,
        unit_id -> BigInt,
        unit_path -> Text,
        staff_count -> Integer,
        learner_count -> Nullable<Integer>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
        external_id -> Nullable<Text>,
        import_job_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    households (id) {
        id -> BigInt,
        label -> Text,
        unit_id -> BigInt,
        unit_path -> Text,
        head_citizen_id -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
        external_id -> Nullable<Text>,
        import_job_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    citizens (id) {
        id -> BigInt,
        full_name -> Text,
        birth_year -> Integer,
        sex -> Text,
        target_group -> Text,
        household_id -> Nullable<BigInt>,
        workplace_id -> Nullable<BigInt>,
        unit_id -> BigInt,
        unit_path -> Text,
        national_id_hash -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
        external_id -> Nullable<Text>,
        import_job_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    citizen_duplicates (id) {
        id -> BigInt,
        citizen_id -> BigInt,
        twin_id -> BigInt,
        flagged_at -> Timestamp,
        resolution -> Nullable<Text>,
        resolved_at -> Nullable<Timestamp>,
        resolved_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    clans (id) {
        id -> BigInt,
        name -> Text,
        unit_id -> BigInt,
        unit_path -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
        external_id -> Nullable<Text>,
        import_job_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    clan_households (clan_id, household_id) {
        clan_id -> BigInt,
        household_id -> BigInt,
    }
}

diesel::table! {
    learning_centres (id) {
        id -> BigInt,
        name -> Text,
        unit_id -> BigInt,
        unit_path -> Text,
        director_name -> Nullable<Text>,
        activities_count -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
        external_id -> Nullable<Text>,
        import_job_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    decisions (id) {
        id -> BigInt,
        kind -> Text,
        number -> Text,
        decided_on -> Date,
        authority -> Text,
        reason -> Nullable<Text>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    evaluations (id) {
        id -> BigInt,
        subject_type -> Text,
        subject_id -> BigInt,
        model_kind -> Text,
        year -> Integer,
        framework_id -> BigInt,
        unit_id -> BigInt,
        unit_path -> Text,
        status -> Text,
        requested_level -> Nullable<Text>,
        self_answers -> Text,
        inspection_answers -> Nullable<Text>,
        subject_types -> Text,
        late -> Bool,
        submitted_at -> Nullable<Timestamp>,
        inspected_at -> Nullable<Timestamp>,
        result_level -> Nullable<Text>,
        result_rank -> Nullable<Integer>,
        result_points -> Nullable<Double>,
        outcome -> Nullable<Text>,
        decision_id -> Nullable<BigInt>,
        decided_on -> Nullable<Date>,
        valid_until -> Nullable<Date>,
        revocation_id -> Nullable<BigInt>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        subgroup -> Text,
    }
}

diesel::table! {
    evidence (id) {
        id -> BigInt,
        evaluation_id -> BigInt,
        indicator_id -> Text,
        kind -> Text,
        note -> Nullable<Text>,
        url -> Nullable<Text>,
        file_name -> Nullable<Text>,
        content_type -> Nullable<Text>,
        size_bytes -> Nullable<BigInt>,
        sha256 -> Nullable<Text>,
        content -> Nullable<Binary>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

// Grouped counts across a join (the registry figures of evaluations).
diesel::allow_columns_to_appear_in_same_group_by_clause!(citizens::workplace_id, evaluations::year);

diesel::table! {
    unit_current (unit_id) {
        unit_id -> BigInt,
        current_id -> BigInt,
        current_path -> Text,
        approximate -> Bool,
    }
}

diesel::table! {
    unit_places (unit_id, boundaries, total_id) {
        unit_id -> BigInt,
        boundaries -> Text,
        total_id -> BigInt,
        approximate -> Bool,
    }
}

diesel::table! {
    stat_evaluations (boundaries, unit_id, year, model_kind, subgroup, approximate, slot) {
        boundaries -> Text,
        unit_id -> BigInt,
        year -> Integer,
        model_kind -> Text,
        subgroup -> Text,
        approximate -> Bool,
        registered -> BigInt,
        submitted -> BigInt,
        inspected -> BigInt,
        recognised -> BigInt,
        level1 -> BigInt,
        level2 -> BigInt,
        level3 -> BigInt,
        rejected -> BigInt,
        revoked -> BigInt,
        slot -> SmallInt,
    }
}

diesel::table! {
    stat_recognitions (boundaries, unit_id, model_kind, subgroup, decided_on, valid_until, approximate, slot) {
        boundaries -> Text,
        unit_id -> BigInt,
        model_kind -> Text,
        subgroup -> Text,
        decided_on -> Date,
        valid_until -> Date,
        approximate -> Bool,
        held -> BigInt,
        slot -> SmallInt,
    }
}

diesel::table! {
    stat_registry (boundaries, unit_id, kind, subgroup, approximate, slot) {
        boundaries -> Text,
        unit_id -> BigInt,
        kind -> Text,
        subgroup -> Text,
        approximate -> Bool,
        records -> BigInt,
        slot -> SmallInt,
    }
}

diesel::table! {
    targets (id) {
        id -> BigInt,
        unit_id -> Nullable<BigInt>,
        unit_path -> Nullable<Text>,
        model_kind -> Text,
        subgroup -> Text,
        target_year -> Integer,
        value -> Nullable<Double>,
        confidence -> Text,
        legal_number -> Text,
        legal_issuer -> Text,
        legal_title -> Nullable<Text>,
        issued_on -> Nullable<Date>,
        note -> Nullable<Text>,
        shipped -> Bool,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        superseded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    declared_values (id) {
        id -> BigInt,
        unit_id -> BigInt,
        unit_path -> Text,
        year -> Integer,
        indicator -> Text,
        value -> Double,
        source -> Text,
        version -> Integer,
        updated_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    drives (id) {
        id -> BigInt,
        unit_id -> BigInt,
        unit_path -> Text,
        year -> Integer,
        title_vi -> Text,
        models -> Text,
        opens_on -> Date,
        closes_on -> Date,
        late_policy -> Text,
        target -> Nullable<BigInt>,
        closed_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    drive_registrations (evaluation_id) {
        evaluation_id -> BigInt,
        drive_id -> BigInt,
        late -> Bool,
        registered_at -> Timestamp,
    }
}

diesel::table! {
    emulation_plans (id) {
        id -> BigInt,
        plan_key -> Text,
        title_vi -> Text,
        level -> Text,
        unit_id -> Nullable<BigInt>,
        unit_path -> Nullable<Text>,
        document -> Text,
        shipped -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    emulation_reviews (id) {
        id -> BigInt,
        plan_id -> BigInt,
        phase_id -> Text,
        unit_id -> BigInt,
        unit_path -> Text,
        held_on -> Date,
        closed_at -> Nullable<Timestamp>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    emulation_reports (id) {
        id -> BigInt,
        review_id -> BigInt,
        participant_kind -> Text,
        subject_type -> Text,
        subject_id -> BigInt,
        unit_id -> BigInt,
        unit_path -> Text,
        answers -> Text,
        evidence -> Text,
        marks -> Nullable<Text>,
        marks_note -> Nullable<Text>,
        passed -> Nullable<Integer>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    awards (id) {
        id -> BigInt,
        kind -> Text,
        title_vi -> Text,
        subject_type -> Text,
        subject_id -> BigInt,
        unit_id -> BigInt,
        unit_path -> Text,
        decision_number -> Text,
        decided_on -> Date,
        authority_vi -> Text,
        plan_id -> Nullable<BigInt>,
        phase_id -> Nullable<Text>,
        review_id -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(drive_registrations -> drives (drive_id));
diesel::joinable!(drive_registrations -> evaluations (evaluation_id));
diesel::joinable!(emulation_reviews -> emulation_plans (plan_id));
diesel::joinable!(emulation_reports -> emulation_reviews (review_id));

diesel::table! {
    reference_version (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    import_jobs (id) {
        id -> BigInt,
        account_id -> BigInt,
        idempotency_key -> Nullable<Text>,
        kind -> Text,
        format -> Text,
        mode -> Text,
        dry_run -> Bool,
        state -> Text,
        file_name -> Nullable<Text>,
        file_sha256 -> Text,
        file_bytes -> BigInt,
        sheet -> Nullable<Text>,
        bytes_read -> BigInt,
        rows_read -> BigInt,
        rows_valid -> BigInt,
        rows_invalid -> BigInt,
        rows_created -> BigInt,
        rows_updated -> BigInt,
        rows_unchanged -> BigInt,
        warnings -> Text,
        failure_code -> Nullable<Text>,
        failure_detail -> Nullable<Text>,
        cancel_requested -> Bool,
        created_at -> Timestamp,
        started_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    import_errors (job_id, seq) {
        job_id -> BigInt,
        seq -> Integer,
        row_number -> BigInt,
        column_key -> Nullable<Text>,
        heading -> Nullable<Text>,
        value -> Nullable<Text>,
        code -> Text,
        detail -> Nullable<Text>,
    }
}

diesel::table! {
    sign_in_guesses (key, window_start) {
        key -> Text,
        window_start -> BigInt,
        count -> Integer,
    }
}
