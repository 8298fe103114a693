/**
 * The leading group's meeting report as one GraphQL operation: the period asked and the same period
 * a year earlier (for the year-on-year figures) in one governed, audited request, with the
 * typical-case bulletins published since the period began. Plain text and types only, so the
 * console can `parse()` the same document.
 */

/** Every department's figures of one meeting report, as the document and the console's 会议报告 page ask them. */
export const meetingReportFields = `
  regionCode period regionName regionRule periodStart periodEnd
  jointWork { inspectionsPlanned inspectionsClosed enterprisesInspected rectificationsOrdered }
  accidentStatistics { accidents deaths seriousInjuries byGrade { grade accidents deaths } byMonth { month accidents deaths } }
  occupationalDiseaseStatistics { newCases byCategory { categoryName cases } }
  injuryStatistics { applications recognised severelyDisabled }
  transportStatistics { licensedOperators licencesExpiring vehicles certificatesExpiring byVehicleClass { vehicleClass vehicles certificatesExpiring } }
  constructionSafetyStatistics { projectsPermitted inspections projectsInspected hazardsFound rectificationsOrdered stopWorkOrders workersEntered }
  unionSupervisionStatistics {
    checks enterprisesChecked hazardsFound checksAwaitingRectification complaintsReceived complaintsTransferred complaintsResolved
    complaintsByCategory { category complaints }
  }`;

const bulletinPage = `pageInfo { endCursor hasNextPage }
    nodes { id title publishedOn summary lessons accident { id creditCode grade deaths seriousInjuries } }`;

export const meetingReportDocument = `query MeetingReportDocument($regionCode: String!, $period: String!, $previousPeriod: String!, $publishedFrom: String!) {
  current: meetingReport(regionCode: $regionCode, period: $period) {${meetingReportFields}
    rectificationEscalations {
      stage escalatedOn addressedTo
      rectification { id source demandingAgency requirement demandedOn dueOn state enterprise { creditCode name } }
    }
  }
  previous: meetingReport(regionCode: $regionCode, period: $previousPeriod) {${meetingReportFields}
  }
  typicalCaseBulletins(first: 200, publishedFrom: $publishedFrom) {
    ${bulletinPage}
  }
}`;

/** Further pages of bulletins, when a period has more than one page of them. */
export const typicalCaseBulletinsPage = `query MeetingReportBulletins($publishedFrom: String!, $after: String!) {
  typicalCaseBulletins(first: 200, publishedFrom: $publishedFrom, after: $after) {
    ${bulletinPage}
  }
}`;

const industryRow = `level code name sectionCode keyIndustry { code name } rank
      years { year insuredHeadcount accidents deaths recognisedInjuries newOccupationalDiseaseCases
        injuriesPerThousand accidentsPerThousand deathsPerHundredThousand occupationalDiseasesPerThousand rateUnavailable rank }
      trend { direction fromYear toYear changePercent reason }`;

/**
 * 数据分析研判 for the report: every industry over the five years up to the period's year. Its own
 * operation, so that a department missing from it cannot take the rest of the report down.
 */
export const industryAnalysisDocument = `query MeetingReportIndustries($regionCode: String!, $fromYear: Int!, $toYear: Int!) {
  industryAnalysis(regionCode: $regionCode, fromYear: $fromYear, toYear: $toYear) {
    regionCode fromYear toYear regionRule method
    keyIndustries { ${industryRow} }
    divisions { ${industryRow} }
  }
}`;

export interface IndustryYear {
  year: number;
  insuredHeadcount: number;
  accidents: number;
  deaths: number;
  recognisedInjuries: number;
  newOccupationalDiseaseCases: number;
  injuriesPerThousand: number | null;
  accidentsPerThousand: number | null;
  deathsPerHundredThousand: number | null;
  occupationalDiseasesPerThousand: number | null;
  rateUnavailable: string | null;
  rank: number | null;
}

export interface IndustryRow {
  level: string;
  code: string;
  name: string;
  sectionCode: string | null;
  keyIndustry: { code: string; name: string } | null;
  rank: number | null;
  years: IndustryYear[];
  trend: { direction: string; fromYear: number | null; toYear: number | null; changePercent: number | null; reason: string | null };
}

export interface IndustryAnalysis {
  regionCode: string;
  fromYear: number;
  toYear: number;
  regionRule: string;
  method: string;
  /** Null when a department whose figures they join did not answer. */
  keyIndustries: IndustryRow[] | null;
  divisions: IndustryRow[] | null;
}

/**
 * The plans' targets that apply to the region in the period, each with its progress computed by the
 * departments up to the period's last day (or today, while it runs). Its own operation: the
 * progress is 人社's, and a 人社 outage must leave the rest of the report standing.
 */
export const preventionTargetsDocument = `query MeetingReportTargets($regionCode: String!, $period: String!, $asOf: LocalDate!) {
  preventionTargets(regionCode: $regionCode, period: $period) {
    id ordinal text metric metricName unit keyIndustryName keyPostGroupName periodStart deadline
    goalKind goalValue baselineYear baselineValue sourceDocument sourceArticle
    plan { id title documentNumber }
    progress(asOf: $asOf) {
      status statusText asOf countedFrom countedTo achievedValue goalValue baselineValue sharePercent expectedSharePercent method
      data { code label value unit year }
    }
  }
}`;

/** 工伤预防费: each pooling area's budget for the year against what was committed and paid by the period's end. */
export const preventionFeeDocument = `query MeetingReportFees($regionCode: String!, $period: String!) {
  preventionFeeFigures(regionCode: $regionCode, period: $period) {
    poolingAreaCode poolingAreaName year asOf budgetFen capFen capPercent committedFen paidFen uncommittedFen
    committedPercent paidPercent committedProjects
    byCategory { category budgetFen committedFen paidFen }
  }
}`;

export interface TargetProgress {
  status: string;
  statusText: string;
  asOf: string;
  countedFrom: string;
  countedTo: string;
  achievedValue: number | null;
  goalValue: number | null;
  baselineValue: number | null;
  sharePercent: number | null;
  expectedSharePercent: number;
  method: string;
  data: { code: string; label: string; value: number; unit: string; year: number | null }[];
}

export interface PlanTarget {
  id: string;
  ordinal: number;
  text: string;
  metric: string;
  metricName: string;
  unit: string;
  keyIndustryName: string | null;
  keyPostGroupName: string | null;
  periodStart: string;
  deadline: string;
  goalKind: string;
  goalValue: number;
  baselineYear: number | null;
  baselineValue: number | null;
  sourceDocument: string;
  sourceArticle: string;
  plan: { id: string; title: string; documentNumber: string } | null;
  progress: TargetProgress;
}

/** Money in whole fen (exact below 2^53). */
export interface PreventionFeeFigures {
  poolingAreaCode: string;
  poolingAreaName: string;
  year: number;
  asOf: string;
  budgetFen: number;
  capFen: number;
  capPercent: number;
  committedFen: number;
  paidFen: number;
  uncommittedFen: number;
  committedPercent: number | null;
  paidPercent: number | null;
  committedProjects: number;
  byCategory: { category: string; budgetFen: number; committedFen: number; paidFen: number }[];
}

export interface MeetingReportVariables {
  regionCode: string;
  period: string;
  previousPeriod: string;
  /** YYYY-MM-DD: the first day of the period. */
  publishedFrom: string;
}

export interface GradeCount {
  grade: string;
  accidents: number;
  deaths: number;
}

export interface MonthCount {
  month: string;
  accidents: number;
  deaths: number;
}

/** Each department's section is null when that department did not answer. */
export interface MeetingReportFigures {
  regionCode: string;
  period: string;
  regionName: string;
  /** How every section places an event in the region, in Chinese. */
  regionRule: string;
  periodStart: string;
  periodEnd: string;
  jointWork: { inspectionsPlanned: number; inspectionsClosed: number; enterprisesInspected: number; rectificationsOrdered: number } | null;
  accidentStatistics: {
    accidents: number;
    deaths: number;
    seriousInjuries: number;
    byGrade: GradeCount[];
    byMonth: MonthCount[];
  } | null;
  occupationalDiseaseStatistics: { newCases: number; byCategory: { categoryName: string; cases: number }[] } | null;
  injuryStatistics: { applications: number; recognised: number; severelyDisabled: number } | null;
  transportStatistics: TransportStatistics | null;
  constructionSafetyStatistics: ConstructionSafetyStatistics | null;
  unionSupervisionStatistics: UnionSupervisionStatistics | null;
}

/** 交通: operators' licences and vehicles as registered when read, and what of them falls due in the period. */
export interface TransportStatistics {
  licensedOperators: number;
  licencesExpiring: number;
  vehicles: number;
  certificatesExpiring: number;
  byVehicleClass: { vehicleClass: string; vehicles: number; certificatesExpiring: number }[];
}

/** 住建: construction permits, safety inspections and site entries in the period. */
export interface ConstructionSafetyStatistics {
  projectsPermitted: number;
  inspections: number;
  projectsInspected: number;
  hazardsFound: number;
  rectificationsOrdered: number;
  stopWorkOrders: number;
  workersEntered: number;
}

/** 总工会: labour-protection supervision checks and workers' complaints in the period. */
export interface UnionSupervisionStatistics {
  checks: number;
  enterprisesChecked: number;
  hazardsFound: number;
  checksAwaitingRectification: number;
  complaintsReceived: number;
  complaintsTransferred: number;
  complaintsResolved: number;
  complaintsByCategory: { category: string; complaints: number }[];
}

export interface RectificationEscalation {
  stage: string;
  escalatedOn: string;
  addressedTo: string;
  rectification: {
    id: string;
    source: string;
    demandingAgency: string;
    requirement: string;
    demandedOn: string;
    dueOn: string;
    state: string;
    enterprise: { creditCode: string; name: string | null } | null;
  };
}

export interface TypicalCaseBulletin {
  id: string;
  title: string;
  publishedOn: string;
  summary: string;
  lessons: string;
  accident: { id: string; creditCode: string; grade: string; deaths: number; seriousInjuries: number } | null;
}

export interface BulletinPage {
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: TypicalCaseBulletin[];
}

export interface MeetingReportAnswer {
  current: (MeetingReportFigures & { rectificationEscalations: RectificationEscalation[] | null }) | null;
  previous: MeetingReportFigures | null;
  typicalCaseBulletins: BulletinPage | null;
}
