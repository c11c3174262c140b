//! Who may do what, where. Roles grant permissions; the units an account covers bound where
//! it may use them. Both are pure data so that the rules can be tested without a server.

use serde::{Deserialize, Serialize};

crate::named_enum! {
    /// What an account is, and so what it may do (see [`Role::grants`]).
    pub enum Role {
        /// System administrator: everything, nationwide.
        Admin = "admin",
        /// Provincial officer (Sở GD&ĐT).
        ProvincialOfficer = "provincial_officer",
        /// Commune officer (UBND xã / Phòng Văn hóa – Xã hội).
        CommuneOfficer = "commune_officer",
        /// Member of an evaluation team.
        Inspector = "inspector",
        /// Study-promotion association officer (Hội Khuyến học).
        AssociationOfficer = "association_officer",
        /// Reads what its units allow; changes nothing.
        Viewer = "viewer",
    }
}

impl Role {
    /// What the role allows, before the unit scope is applied.
    pub fn grants(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Admin => true,
            Role::ProvincialOfficer => matches!(
                permission,
                ManageVillages
                    | ManageUnits
                    | Reorganise
                    | ManageAccounts
                    | ManageFrameworks
                    | ReadAudit
                    | Register
                    | Inspect
                    | Decide
                    | SetTargets
                    | DeclareFigures
                    | ManageEmulation
            ),
            // The commune decides the grassroots titles; `Decide` is narrowed to those models
            // where it is used.
            Role::CommuneOfficer => {
                matches!(permission, ManageVillages | ReadAudit | Register | Decide | DeclareFigures | ManageEmulation)
            }
            Role::Inspector => matches!(permission, Inspect),
            // The Study Promotion Association reports its branches, members and funds.
            Role::AssociationOfficer => matches!(permission, Register | DeclareFigures),
            Role::Viewer => false,
        }
    }
}

/// Things a caller may be allowed to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// Open, rename and close villages.
    ManageVillages,
    /// Rename and close units of any level.
    ManageUnits,
    /// Record merges and splits.
    Reorganise,
    /// Create and change accounts.
    ManageAccounts,
    /// Create, publish and retire criteria frameworks.
    ManageFrameworks,
    /// Read the audit trail.
    ReadAudit,
    /// Keep the registries; register subjects, self-assess and submit.
    Register,
    /// Record an inspection team's answers.
    Inspect,
    /// Sign recognition, rejection and revocation decisions.
    Decide,
    /// Set the province's (and its communes') targets from the province's own plan.
    SetTargets,
    /// Declare figures no registry computes (association members, centres, funds).
    DeclareFigures,
    /// Record the unit's emulation plans, hold their reviews and mark the reports.
    ManageEmulation,
}

/// Where an account acts, as materialized unit paths (`/1/45/`): a path is inside a root when
/// it starts with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    /// Administrators act nationwide.
    pub nationwide: bool,
    /// Subtrees the account may change: its units that are still in force.
    pub write: Vec<String>,
    /// Subtrees it may read: its units, and the units they were formed from (so that a new
    /// commune reads its predecessors' records, and an abolished unit's account reads history).
    pub read: Vec<String>,
}

impl Scope {
    pub fn nationwide() -> Self {
        Scope { nationwide: true, write: Vec::new(), read: Vec::new() }
    }

    pub fn can_read(&self, path: &str) -> bool {
        self.nationwide || self.read.iter().any(|root| path.starts_with(root.as_str()))
    }

    pub fn can_write(&self, path: &str) -> bool {
        self.nationwide || self.write.iter().any(|root| path.starts_with(root.as_str()))
    }

    /// Drops roots that lie inside other roots, so checks and tokens stay small.
    pub fn normalise(mut roots: Vec<String>) -> Vec<String> {
        roots.sort();
        roots.dedup();
        let mut kept: Vec<String> = Vec::with_capacity(roots.len());
        for root in roots {
            if !kept.iter().any(|k| root.starts_with(k.as_str())) {
                kept.push(root);
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtree_checks_use_whole_path_segments() {
        let scope = Scope { nationwide: false, write: vec!["/1/45/".into()], read: vec!["/1/".into()] };
        assert!(scope.can_write("/1/45/"));
        assert!(scope.can_write("/1/45/1203/"));
        assert!(!scope.can_write("/1/450/"), "a sibling with a longer id is not inside");
        assert!(scope.can_read("/1/450/"));
        assert!(!scope.can_read("/2/"));
        assert!(Scope::nationwide().can_write("/9/"));
    }

    #[test]
    fn roots_inside_other_roots_are_dropped() {
        let roots = Scope::normalise(vec!["/1/45/".into(), "/1/".into(), "/2/3/".into(), "/1/".into()]);
        assert_eq!(roots, vec!["/1/".to_owned(), "/2/3/".to_owned()]);
    }

    #[test]
    fn only_admins_and_officers_write() {
        for role in [Role::Inspector, Role::AssociationOfficer, Role::Viewer] {
            assert!(!role.grants(Permission::ManageVillages));
            assert!(!role.grants(Permission::Decide));
        }
        assert!(Role::Inspector.grants(Permission::Inspect));
        assert!(!Role::Inspector.grants(Permission::Register));
        assert!(Role::CommuneOfficer.grants(Permission::ManageVillages));
        assert!(!Role::CommuneOfficer.grants(Permission::Reorganise));
        assert!(Role::ProvincialOfficer.grants(Permission::ManageAccounts));
        assert_eq!("commune_officer".parse::<Role>().ok(), Some(Role::CommuneOfficer));
    }
}
