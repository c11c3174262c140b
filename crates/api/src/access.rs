//! Who may call each operation, said in the OpenAPI document and in the README from the
//! rules the handlers enforce: `Role::grants` for permissions, and the evaluation workflow's
//! `authority` for its steps. Written once here; a test holds every operation to an entry.

use xhht_domain::{ModelKind, Permission, Role};
use xhht_evaluation::workflow::{Authority, EvaluationAction, authority};

/// What an operation asks of its caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// No token: public law and public figures.
    Public,
    /// Any signed-in account; what it reads is bounded by its units.
    AnyAccount,
    /// A role granting the permission, on the units the account covers.
    Permission(Permission),
    /// A workflow step, by the workflow's own rules.
    Step(EvaluationAction),
    /// A decision: recognition, rejection or revocation, each a step.
    Decision,
    /// Public above the commune; rows below it (villages) need an account covering them.
    PublicAboveCommune,
    /// Public law, but a province's drafts only to the accounts covering the province.
    PublicButProvincialDrafts,
}

/// The access of every operation, by its `operation_id`.
pub fn access(operation_id: &str) -> Option<Access> {
    use Access::*;
    Some(match operation_id {
        "healthLive"
        | "healthReady"
        | "getOpenApiDocument"
        | "issueToken"
        | "logout"
        | "listUnits"
        | "getUnit"
        | "getUnitByCode"
        | "listUnitChildren"
        | "listUnitAncestors"
        | "listUnitPredecessors"
        | "listUnitSuccessors"
        | "getReorganisation"
        | "getApplicableFramework"
        | "listTargets"
        | "listDeclaredIndicators"
        | "listDeclaredValues"
        | "listEmulationPlans"
        | "getEmulationPlan" => Public,
        "getStatistics" | "getStatisticsTrends" => PublicAboveCommune,
        "listFrameworks" | "getFramework" | "diffFramework" | "scoreFramework" => PublicButProvincialDrafts,
        "setTargets" => Permission(xhht_domain::Permission::SetTargets),
        "declareValue" => Permission(xhht_domain::Permission::DeclareFigures),
        "getOwnAccount"
        | "changeOwnPassword"
        | "listEvaluations"
        | "getEvaluation"
        | "listEvidence"
        | "getEvidenceFile"
        | "getDecision"
        | "listCitizens"
        | "getCitizen"
        | "listHouseholds"
        | "getHousehold"
        | "listOrganisations"
        | "getOrganisation"
        | "listClans"
        | "getClan"
        | "listLearningCentres"
        | "getLearningCentre"
        | "listDrives"
        | "getDrive"
        | "listUnregistered"
        | "getEmulationReview"
        | "rankEmulationReview"
        | "listAwards"
        | "listImports"
        | "getImport"
        | "cancelImport"
        | "getImportErrors" => AnyAccount,
        "openDrive" | "registerInDrive" | "closeDrive" | "fileEmulationReport" => {
            Permission(xhht_domain::Permission::Register)
        }
        "createEmulationPlan" | "openEmulationReview" | "markEmulationReport" | "closeEmulationReview" => {
            Permission(xhht_domain::Permission::ManageEmulation)
        }
        "createAwards" => Permission(xhht_domain::Permission::Decide),
        "listAccounts"
        | "createAccount"
        | "getAccount"
        | "updateAccount"
        | "resetAccountPassword"
        | "listApiKeys"
        | "createApiKey"
        | "revokeApiKey" => Permission(xhht_domain::Permission::ManageAccounts),
        "listAudit" => Permission(xhht_domain::Permission::ReadAudit),
        "createVillage" | "renameUnit" | "closeUnit" => Permission(xhht_domain::Permission::ManageVillages),
        "createReorganisation" => Permission(xhht_domain::Permission::Reorganise),
        "createFramework" | "adoptFramework" | "publishFramework" | "retireFramework" => {
            Permission(xhht_domain::Permission::ManageFrameworks)
        }
        "registerEvaluation"
        | "createCitizen"
        | "updateCitizen"
        | "deleteCitizen"
        | "createHousehold"
        | "updateHousehold"
        | "deleteHousehold"
        | "createOrganisation"
        | "updateOrganisation"
        | "deleteOrganisation"
        | "createClan"
        | "updateClan"
        | "deleteClan"
        | "createLearningCentre"
        | "updateLearningCentre"
        | "deleteLearningCentre"
        | "listCitizenDuplicates"
        | "dismissCitizenDuplicate"
        | "mergeCitizenDuplicate"
        | "createImport"
        | "getImportTemplate" => Permission(xhht_domain::Permission::Register),
        "saveSelfAssessment" => Step(EvaluationAction::SelfAssess),
        "submitEvaluation" => Step(EvaluationAction::Submit),
        "inspectEvaluation" => Step(EvaluationAction::Inspect),
        "addEvidence" | "uploadEvidenceFile" => Step(EvaluationAction::AddEvidence),
        "createDecision" => Decision,
        _ => return None,
    })
}

fn roles_granting(permission: Permission) -> Vec<Role> {
    Role::ALL.iter().copied().filter(|r| r.grants(permission)).collect()
}

fn names(roles: &[Role]) -> String {
    roles.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
}

fn statuses(list: &[xhht_domain::EvaluationStatus]) -> String {
    list.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" or ")
}

/// The models the commune decides, as written in the document.
fn commune_models() -> String {
    ModelKind::ALL.iter().filter(|m| m.decided_by_commune()).map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
}

/// One role's authority over a step, in words.
fn authority_text(authority: &Authority) -> Option<String> {
    match authority {
        Authority::Always => Some(String::new()),
        Authority::Never => None,
        Authority::InStatuses(list) => Some(format!(" (when the evaluation is {})", statuses(list))),
        Authority::ForModels(_) => Some(format!(" (only the titles the commune decides: {})", commune_models())),
    }
}

fn step_text(action: EvaluationAction) -> String {
    let who: Vec<String> = Role::ALL
        .iter()
        .filter_map(|&role| authority_text(&authority(role, action)).map(|note| format!("`{role}`{note}")))
        .collect();
    format!(
        "`{action}`, from {}: {}, on evaluations in the units the account covers",
        statuses(action.from_statuses()),
        who.join("; ")
    )
}

/// Who may call the operation, as a paragraph of its description.
pub fn describe(access: Access) -> String {
    let text = match access {
        Access::Public => "anyone; no token is needed.".to_owned(),
        Access::PublicAboveCommune => "anyone for figures of communes and above (they hold no personal data, as provinces publish them); rows below the commune (villages) need a token of an account covering them.".to_owned(),
        Access::PublicButProvincialDrafts => "anyone (criteria are public law); a province's drafts only with a token of an account covering the province, and administrators.".to_owned(),
        Access::AnyAccount => {
            "any signed-in account; it reads only what lies in the units it covers (and their history).".to_owned()
        }
        Access::Permission(permission) => format!(
            "{}, on the units the account covers (administrators nationwide).",
            names(&roles_granting(permission))
        ),
        Access::Step(action) => format!("the workflow step {}.", step_text(action)),
        Access::Decision => {
            let steps: Vec<String> = [EvaluationAction::Recognise, EvaluationAction::Reject, EvaluationAction::Revoke]
                .into_iter()
                .map(step_text)
                .collect();
            format!("per item, by the kind of decision: {}.", steps.join(". "))
        }
    };
    format!("**Who may call it**: {text}")
}

/// The role × step table of the README, from the same rules.
pub fn role_step_table() -> String {
    let mut out = String::from("| step | from status |");
    for role in Role::ALL {
        out.push_str(&format!(" `{role}` |"));
    }
    out.push_str("\n|---|---|");
    out.push_str(&"---|".repeat(Role::ALL.len()));
    out.push('\n');
    let register = roles_granting(Permission::Register);
    out.push_str("| register (`POST /evaluations`) | — |");
    for role in Role::ALL {
        out.push_str(if register.contains(role) { " yes |" } else { " — |" });
    }
    out.push('\n');
    for &action in EvaluationAction::ALL {
        out.push_str(&format!("| `{action}` | {} |", statuses(action.from_statuses())));
        for &role in Role::ALL {
            let cell = match authority(role, action) {
                Authority::Always => "yes".to_owned(),
                Authority::Never => "—".to_owned(),
                Authority::InStatuses(list) => format!("when {}", statuses(&list)),
                Authority::ForModels(_) => "commune titles¹".to_owned(),
            };
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "\n¹ The titles the commune decides: {}. The others are decided at provincial level.\n",
        commune_models()
    ));
    out
}
