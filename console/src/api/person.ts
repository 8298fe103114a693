import type { TypedDocumentNode } from "@apollo/client";
import { parse } from "graphql";

/** A person as the caller may see them; conditional fields are asked for only under a grant. */
export interface PersonRecord {
  pid: string;
  idNumber?: string;
  name?: string;
  gender?: string;
  birthDate?: string;
  employer?: { creditCode: string; name: string } | null;
  injuryRecognitions: { id: string; injuredOn: string; status: string; enterprise: { name: string } | null }[];
  occupationalDiseaseCases?: { id: string; diseaseName: string; diagnosedOn: string }[] | null;
  siteRegistrations?: { id: string; projectPermitNo: string; tradeName: string; enteredOn: string }[] | null;
}

export const restrictedPersonFields = {
  withIdentity: ["Person.idNumber", "Person.name", "Person.gender", "Person.birthDate"],
  withEmployer: ["Person.employer"],
  withDiseases: ["Person.occupationalDiseaseCases"],
  withSites: ["Person.siteRegistrations"],
};

/** A person by ID number (hrss's `personByIdNumber`); the switches leave out the sections the caller may not read. */
export const PersonByIdNumberQuery: TypedDocumentNode<
  { personByIdNumber: PersonRecord | null },
  { idNumber: string } & Record<keyof typeof restrictedPersonFields, boolean>
> = parse(`
  query PersonByIdNumber($idNumber: String!, $withIdentity: Boolean!, $withEmployer: Boolean!, $withDiseases: Boolean!, $withSites: Boolean!) {
    personByIdNumber(idNumber: $idNumber) {
      pid
      idNumber @include(if: $withIdentity)
      name @include(if: $withIdentity)
      gender @include(if: $withIdentity)
      birthDate @include(if: $withIdentity)
      employer @include(if: $withEmployer) { creditCode name }
      injuryRecognitions { id injuredOn status enterprise { name } }
      occupationalDiseaseCases @include(if: $withDiseases) { id diseaseName diagnosedOn }
      siteRegistrations @include(if: $withSites) { id projectPermitNo tradeName enteredOn }
    }
  }
`);
