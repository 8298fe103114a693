import { ConstructionProject } from "../../subgraphs/housing/construction-project.entity";
import { ConstructionSafetyInspection } from "../../subgraphs/housing/safety-inspection.entity";
import { SiteWorkerRegistration } from "../../subgraphs/housing/site-worker.entity";
import { OperatingLicence } from "../../subgraphs/transport/operating-licence.entity";
import { Vehicle, VehicleClass } from "../../subgraphs/transport/vehicle.entity";
import { Complaint, ComplaintStatus } from "../../subgraphs/unions/complaint.entity";
import { CheckStatus, SupervisionCheck } from "../../subgraphs/unions/supervision-check.entity";
import type { City } from "../../synthetic/city";
import { seeded } from "./expected";

/**
 * 交通, 住建 and 总工会's meeting-report sections counted straight from the rows they seeded,
 * without the hub: each row placed by the employer's registered region (credit code characters
 * 3 to 8), a date in the period by its calendar year and quarter.
 */
export function expectedSections(city: City, regionCode: string, period: string) {
  const prefix = regionCode.endsWith("00") ? regionCode.slice(0, 4) : regionCode;
  const inRegion = (creditCode: string) => creditCode.slice(2, 2 + prefix.length) === prefix;
  const year = period.slice(0, 4);
  const quarter = period.length > 4 ? Number(period.slice(6)) : undefined;
  const inPeriod = (date: string) => date.startsWith(year) && (!quarter || Math.ceil(Number(date.slice(5, 7)) / 3) === quarter);
  const count = <T>(rows: T[], test: (row: T) => boolean) => rows.filter(test).length;
  const sum = <T>(rows: T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);

  const vehicles = seeded(city, "transport", Vehicle).filter((v) => inRegion(v.creditCode));
  const licences = seeded(city, "transport", OperatingLicence).filter((l) => inRegion(l.creditCode));
  const byVehicleClass = [VehicleClass.FREIGHT, VehicleClass.PASSENGER, VehicleClass.HAZARDOUS_GOODS]
    .map((vehicleClass) => {
      const ofClass = vehicles.filter((v) => v.vehicleClass === vehicleClass);
      return { vehicleClass, vehicles: ofClass.length, certificatesExpiring: count(ofClass, (v) => inPeriod(v.certificateValidUntil)) };
    })
    .filter((row) => row.vehicles > 0);

  const projects = seeded(city, "housing", ConstructionProject).filter((p) => inRegion(p.creditCode));
  const projectsOfRegion = new Set(projects.map((p) => p.permitNo));
  const inspections = seeded(city, "housing", ConstructionSafetyInspection).filter(
    (i) => projectsOfRegion.has(i.projectPermitNo) && inPeriod(i.inspectedOn),
  );
  const entries = seeded(city, "housing", SiteWorkerRegistration).filter(
    (r) => projectsOfRegion.has(r.projectPermitNo) && inPeriod(r.enteredOn),
  );

  const checks = seeded(city, "unions", SupervisionCheck).filter((c) => inRegion(c.creditCode) && inPeriod(c.checkedOn));
  const complaints = seeded(city, "unions", Complaint).filter((c) => inRegion(c.creditCode) && inPeriod(c.receivedOn));
  const categories = [...new Set(complaints.map((c) => c.category))]
    .map((category) => ({ category, complaints: count(complaints, (c) => c.category === category) }))
    .sort((a, b) => b.complaints - a.complaints || a.category.localeCompare(b.category));
  return {
    transportStatistics: {
      licensedOperators: licences.length,
      licencesExpiring: count(licences, (l) => inPeriod(l.validUntil)),
      vehicles: vehicles.length,
      certificatesExpiring: count(vehicles, (v) => inPeriod(v.certificateValidUntil)),
      byVehicleClass,
    },
    constructionSafetyStatistics: {
      projectsPermitted: count(projects, (p) => inPeriod(p.permitIssuedOn)),
      inspections: inspections.length,
      projectsInspected: new Set(inspections.map((i) => i.projectPermitNo)).size,
      hazardsFound: sum(inspections, (i) => i.hazards),
      rectificationsOrdered: count(inspections, (i) => i.rectificationDueOn !== null),
      stopWorkOrders: count(inspections, (i) => i.stopWorkOrdered),
      workersEntered: new Set(entries.map((r) => r.pid)).size,
    },
    unionSupervisionStatistics: {
      checks: checks.length,
      enterprisesChecked: new Set(checks.map((c) => c.creditCode)).size,
      hazardsFound: sum(checks, (c) => c.hazardsFound),
      checksAwaitingRectification: count(checks, (c) => c.status === CheckStatus.OPEN),
      complaintsReceived: complaints.length,
      complaintsTransferred: count(complaints, (c) => c.transferredTo !== null),
      complaintsResolved: count(complaints, (c) => c.status === ComplaintStatus.RESOLVED),
      complaintsByCategory: categories,
    },
  };
}
