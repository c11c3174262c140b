"""Contains all the data models used in inputs/outputs"""

from .account_dto import AccountDto
from .account_kind import AccountKind
from .account_page import AccountPage
from .account_update_request import AccountUpdateRequest
from .adopt_request import AdoptRequest
from .answer_difference import AnswerDifference
from .answer_difference_inspection_answer import AnswerDifferenceInspectionAnswer
from .answer_difference_self_answer import AnswerDifferenceSelfAnswer
from .answer_dto_type_0 import AnswerDtoType0
from .answer_dto_type_1 import AnswerDtoType1
from .answer_dto_type_2 import AnswerDtoType2
from .answer_dto_type_3 import AnswerDtoType3
from .answer_dto_type_4 import AnswerDtoType4
from .answers_request import AnswersRequest
from .answers_request_answers import AnswersRequestAnswers
from .api_key_dto import ApiKeyDto
from .api_key_list import ApiKeyList
from .applicable_framework import ApplicableFramework
from .applied_target import AppliedTarget
from .audit_entry_dto import AuditEntryDto
from .audit_entry_dto_changes import AuditEntryDtoChanges
from .audit_page import AuditPage
from .award_count import AwardCount
from .award_dto import AwardDto
from .award_kind import AwardKind
from .award_list import AwardList
from .boundaries_dto import BoundariesDto
from .breakdown import Breakdown
from .centre_dto import CentreDto
from .centre_page import CentrePage
from .centre_request import CentreRequest
from .change import Change
from .citizen_dto import CitizenDto
from .citizen_duplicate_dto import CitizenDuplicateDto
from .citizen_duplicate_page import CitizenDuplicatePage
from .citizen_page import CitizenPage
from .citizen_request import CitizenRequest
from .citizen_target_group import CitizenTargetGroup
from .clan_dto import ClanDto
from .clan_page import ClanPage
from .clan_request import ClanRequest
from .close_request import CloseRequest
from .confidence import Confidence
from .confidence_note import ConfidenceNote
from .create_import_json_body_item import CreateImportJsonBodyItem
from .created_account import CreatedAccount
from .created_api_key import CreatedApiKey
from .current_result import CurrentResult
from .cycle import Cycle
from .cycle_period import CyclePeriod
from .decision_dto import DecisionDto
from .decision_item import DecisionItem
from .decision_kind import DecisionKind
from .decision_request import DecisionRequest
from .declared_figure import DeclaredFigure
from .declared_indicator import DeclaredIndicator
from .declared_indicator_list import DeclaredIndicatorList
from .declared_measure import DeclaredMeasure
from .declared_row import DeclaredRow
from .declared_value_dto import DeclaredValueDto
from .declared_value_list import DeclaredValueList
from .declared_value_request import DeclaredValueRequest
from .declared_value_request_indicator import DeclaredValueRequestIndicator
from .diff_kind import DiffKind
from .diff_part import DiffPart
from .drive_detail import DriveDetail
from .drive_dto import DriveDto
from .drive_figures import DriveFigures
from .drive_model_figures import DriveModelFigures
from .drive_page import DrivePage
from .drive_registration import DriveRegistration
from .drive_registration_request import DriveRegistrationRequest
from .drive_registration_result import DriveRegistrationResult
from .drive_statistic import DriveStatistic
from .duplicate_status import DuplicateStatus
from .emulation_plan import EmulationPlan
from .error_code import ErrorCode
from .evaluation_action import EvaluationAction
from .evaluation_dto import EvaluationDto
from .evaluation_dto_inspection_answers_type_0 import EvaluationDtoInspectionAnswersType0
from .evaluation_dto_outcome_type_0 import EvaluationDtoOutcomeType0
from .evaluation_dto_self_answers import EvaluationDtoSelfAnswers
from .evaluation_page import EvaluationPage
from .evaluation_status import EvaluationStatus
from .evidence_dto import EvidenceDto
from .evidence_kind import EvidenceKind
from .evidence_list import EvidenceList
from .evidence_request import EvidenceRequest
from .figure_row import FigureRow
from .former_name_dto import FormerNameDto
from .framework import Framework
from .framework_detail import FrameworkDetail
from .framework_diff import FrameworkDiff
from .framework_owner import FrameworkOwner
from .framework_page import FrameworkPage
from .framework_ref import FrameworkRef
from .framework_status import FrameworkStatus
from .framework_summary import FrameworkSummary
from .grant_type import GrantType
from .group import Group
from .health import Health
from .household_dto import HouseholdDto
from .household_page import HouseholdPage
from .household_request import HouseholdRequest
from .import_error_list import ImportErrorList
from .import_failure import ImportFailure
from .import_format import ImportFormat
from .import_job_dto import ImportJobDto
from .import_job_page import ImportJobPage
from .import_kind_param import ImportKindParam
from .import_mode import ImportMode
from .import_row_error import ImportRowError
from .import_state import ImportState
from .import_warning import ImportWarning_
from .indicator import Indicator
from .late_policy import LatePolicy
from .legal_document import LegalDocument
from .level import Level
from .level_name import LevelName
from .level_thresholds_bool import LevelThresholdsBool
from .level_thresholds_f64 import LevelThresholdsF64
from .level_thresholds_string import LevelThresholdsString
from .level_thresholds_u64 import LevelThresholdsU64
from .lineage_dto import LineageDto
from .lineage_list import LineageList
from .logout_request import LogoutRequest
from .managing_level import ManagingLevel
from .marks_request import MarksRequest
from .marks_request_marks import MarksRequestMarks
from .measure_type_0 import MeasureType0
from .measure_type_0_kind import MeasureType0Kind
from .measure_type_1 import MeasureType1
from .measure_type_1_kind import MeasureType1Kind
from .measure_type_2 import MeasureType2
from .measure_type_2_kind import MeasureType2Kind
from .measure_type_3 import MeasureType3
from .measure_type_3_kind import MeasureType3Kind
from .measure_type_4 import MeasureType4
from .measure_type_4_kind import MeasureType4Kind
from .merge_request import MergeRequest
from .model_kind import ModelKind
from .moved_village import MovedVillage
from .new_account_request import NewAccountRequest
from .new_api_key_request import NewApiKeyRequest
from .new_award_request import NewAwardRequest
from .new_drive_request import NewDriveRequest
from .new_framework_request import NewFrameworkRequest
from .new_plan_request import NewPlanRequest
from .new_reorganisation_request import NewReorganisationRequest
from .new_report_request import NewReportRequest
from .new_report_request_answers import NewReportRequestAnswers
from .new_review_request import NewReviewRequest
from .new_target_unit import NewTargetUnit
from .new_village_request import NewVillageRequest
from .new_village_request_division_type import NewVillageRequestDivisionType
from .organisation_dto import OrganisationDto
from .organisation_page import OrganisationPage
from .organisation_request import OrganisationRequest
from .organisation_type import OrganisationType
from .participant import Participant
from .pass_level import PassLevel
from .password_change_request import PasswordChangeRequest
from .password_reset import PasswordReset
from .phase import Phase
from .plan_detail import PlanDetail
from .plan_level import PlanLevel
from .plan_page import PlanPage
from .plan_summary import PlanSummary
from .point_band import PointBand
from .problem import Problem
from .problem_field import ProblemField
from .provincial_decision import ProvincialDecision
from .ranked_participant import RankedParticipant
from .ranking import Ranking
from .recipient import Recipient
from .registration_request_type_0 import RegistrationRequestType0
from .registration_request_type_1 import RegistrationRequestType1
from .registry_figure import RegistryFigure
from .registry_row import RegistryRow
from .rename_request import RenameRequest
from .reorganisation_dto import ReorganisationDto
from .reorganisation_kind_dto import ReorganisationKindDto
from .reorganisation_link import ReorganisationLink
from .reorganisation_link_request import ReorganisationLinkRequest
from .reorganisation_target import ReorganisationTarget
from .report_dto import ReportDto
from .report_dto_answers import ReportDtoAnswers
from .report_dto_marks_type_0 import ReportDtoMarksType0
from .report_evidence_type_0 import ReportEvidenceType0
from .report_evidence_type_1 import ReportEvidenceType1
from .report_format import ReportFormat
from .report_section import ReportSection
from .report_unit import ReportUnit
from .result_level_dto import ResultLevelDto
from .result_rule_type_0 import ResultRuleType0
from .result_rule_type_0_kind import ResultRuleType0Kind
from .result_rule_type_1 import ResultRuleType1
from .result_rule_type_1_kind import ResultRuleType1Kind
from .review_dto import ReviewDto
from .review_kind import ReviewKind
from .role import Role
from .role_assignment import RoleAssignment
from .score_request import ScoreRequest
from .score_request_answers import ScoreRequestAnswers
from .score_request_metrics_type_0 import ScoreRequestMetricsType0
from .score_request_subject_types_item import ScoreRequestSubjectTypesItem
from .score_response import ScoreResponse
from .score_response_outcome import ScoreResponseOutcome
from .sex import Sex
from .statistics_report import StatisticsReport
from .subject_kind import SubjectKind
from .target_act_request import TargetActRequest
from .target_dto import TargetDto
from .target_group import TargetGroup
from .target_item_request import TargetItemRequest
from .target_list import TargetList
from .target_set_request import TargetSetRequest
from .territorial_level import TerritorialLevel
from .tier import Tier
from .token_request import TokenRequest
from .token_response import TokenResponse
from .trend_point import TrendPoint
from .trend_report import TrendReport
from .trend_section import TrendSection
from .unit_detail import UnitDetail
from .unit_dto import UnitDto
from .unit_list import UnitList
from .unit_page import UnitPage
from .unit_ref import UnitRef
from .unregistered_list import UnregisteredList
from .unregistered_subject import UnregisteredSubject
from .variant import Variant
from .village_move_request import VillageMoveRequest

__all__ = (
    "AccountDto",
    "AccountKind",
    "AccountPage",
    "AccountUpdateRequest",
    "AdoptRequest",
    "AnswerDifference",
    "AnswerDifferenceInspectionAnswer",
    "AnswerDifferenceSelfAnswer",
    "AnswerDtoType0",
    "AnswerDtoType1",
    "AnswerDtoType2",
    "AnswerDtoType3",
    "AnswerDtoType4",
    "AnswersRequest",
    "AnswersRequestAnswers",
    "ApiKeyDto",
    "ApiKeyList",
    "ApplicableFramework",
    "AppliedTarget",
    "AuditEntryDto",
    "AuditEntryDtoChanges",
    "AuditPage",
    "AwardCount",
    "AwardDto",
    "AwardKind",
    "AwardList",
    "BoundariesDto",
    "Breakdown",
    "CentreDto",
    "CentrePage",
    "CentreRequest",
    "Change",
    "CitizenDto",
    "CitizenDuplicateDto",
    "CitizenDuplicatePage",
    "CitizenPage",
    "CitizenRequest",
    "CitizenTargetGroup",
    "ClanDto",
    "ClanPage",
    "ClanRequest",
    "CloseRequest",
    "Confidence",
    "ConfidenceNote",
    "CreatedAccount",
    "CreatedApiKey",
    "CreateImportJsonBodyItem",
    "CurrentResult",
    "Cycle",
    "CyclePeriod",
    "DecisionDto",
    "DecisionItem",
    "DecisionKind",
    "DecisionRequest",
    "DeclaredFigure",
    "DeclaredIndicator",
    "DeclaredIndicatorList",
    "DeclaredMeasure",
    "DeclaredRow",
    "DeclaredValueDto",
    "DeclaredValueList",
    "DeclaredValueRequest",
    "DeclaredValueRequestIndicator",
    "DiffKind",
    "DiffPart",
    "DriveDetail",
    "DriveDto",
    "DriveFigures",
    "DriveModelFigures",
    "DrivePage",
    "DriveRegistration",
    "DriveRegistrationRequest",
    "DriveRegistrationResult",
    "DriveStatistic",
    "DuplicateStatus",
    "EmulationPlan",
    "ErrorCode",
    "EvaluationAction",
    "EvaluationDto",
    "EvaluationDtoInspectionAnswersType0",
    "EvaluationDtoOutcomeType0",
    "EvaluationDtoSelfAnswers",
    "EvaluationPage",
    "EvaluationStatus",
    "EvidenceDto",
    "EvidenceKind",
    "EvidenceList",
    "EvidenceRequest",
    "FigureRow",
    "FormerNameDto",
    "Framework",
    "FrameworkDetail",
    "FrameworkDiff",
    "FrameworkOwner",
    "FrameworkPage",
    "FrameworkRef",
    "FrameworkStatus",
    "FrameworkSummary",
    "GrantType",
    "Group",
    "Health",
    "HouseholdDto",
    "HouseholdPage",
    "HouseholdRequest",
    "ImportErrorList",
    "ImportFailure",
    "ImportFormat",
    "ImportJobDto",
    "ImportJobPage",
    "ImportKindParam",
    "ImportMode",
    "ImportRowError",
    "ImportState",
    "ImportWarning_",
    "Indicator",
    "LatePolicy",
    "LegalDocument",
    "Level",
    "LevelName",
    "LevelThresholdsBool",
    "LevelThresholdsF64",
    "LevelThresholdsString",
    "LevelThresholdsU64",
    "LineageDto",
    "LineageList",
    "LogoutRequest",
    "ManagingLevel",
    "MarksRequest",
    "MarksRequestMarks",
    "MeasureType0",
    "MeasureType0Kind",
    "MeasureType1",
    "MeasureType1Kind",
    "MeasureType2",
    "MeasureType2Kind",
    "MeasureType3",
    "MeasureType3Kind",
    "MeasureType4",
    "MeasureType4Kind",
    "MergeRequest",
    "ModelKind",
    "MovedVillage",
    "NewAccountRequest",
    "NewApiKeyRequest",
    "NewAwardRequest",
    "NewDriveRequest",
    "NewFrameworkRequest",
    "NewPlanRequest",
    "NewReorganisationRequest",
    "NewReportRequest",
    "NewReportRequestAnswers",
    "NewReviewRequest",
    "NewTargetUnit",
    "NewVillageRequest",
    "NewVillageRequestDivisionType",
    "OrganisationDto",
    "OrganisationPage",
    "OrganisationRequest",
    "OrganisationType",
    "Participant",
    "PassLevel",
    "PasswordChangeRequest",
    "PasswordReset",
    "Phase",
    "PlanDetail",
    "PlanLevel",
    "PlanPage",
    "PlanSummary",
    "PointBand",
    "Problem",
    "ProblemField",
    "ProvincialDecision",
    "RankedParticipant",
    "Ranking",
    "Recipient",
    "RegistrationRequestType0",
    "RegistrationRequestType1",
    "RegistryFigure",
    "RegistryRow",
    "RenameRequest",
    "ReorganisationDto",
    "ReorganisationKindDto",
    "ReorganisationLink",
    "ReorganisationLinkRequest",
    "ReorganisationTarget",
    "ReportDto",
    "ReportDtoAnswers",
    "ReportDtoMarksType0",
    "ReportEvidenceType0",
    "ReportEvidenceType1",
    "ReportFormat",
    "ReportSection",
    "ReportUnit",
    "ResultLevelDto",
    "ResultRuleType0",
    "ResultRuleType0Kind",
    "ResultRuleType1",
    "ResultRuleType1Kind",
    "ReviewDto",
    "ReviewKind",
    "Role",
    "RoleAssignment",
    "ScoreRequest",
    "ScoreRequestAnswers",
    "ScoreRequestMetricsType0",
    "ScoreRequestSubjectTypesItem",
    "ScoreResponse",
    "ScoreResponseOutcome",
    "Sex",
    "StatisticsReport",
    "SubjectKind",
    "TargetActRequest",
    "TargetDto",
    "TargetGroup",
    "TargetItemRequest",
    "TargetList",
    "TargetSetRequest",
    "TerritorialLevel",
    "Tier",
    "TokenRequest",
    "TokenResponse",
    "TrendPoint",
    "TrendReport",
    "TrendSection",
    "UnitDetail",
    "UnitDto",
    "UnitList",
    "UnitPage",
    "UnitRef",
    "UnregisteredList",
    "UnregisteredSubject",
    "Variant",
    "VillageMoveRequest",
)
