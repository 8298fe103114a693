import type { TypedDocumentNode } from "@apollo/client";
import { parse } from "graphql";
import { meetingReportFields, type MeetingReportFigures } from "../../../report/query";

export type MeetingReport = MeetingReportFigures;

export const MeetingReportQuery: TypedDocumentNode<{ meetingReport: MeetingReport }, { regionCode: string; period: string }> = parse(`
  query MeetingReport($regionCode: String!, $period: String!) {
    meetingReport(regionCode: $regionCode, period: $period) {${meetingReportFields}}
  }
`);
