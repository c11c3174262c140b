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
    units,
    unit_names,
    reorganisations,
    unit_successions,
    seed_datasets,
    idempotency_keys,
);
