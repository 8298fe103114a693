import { Arg, Ctx, Directive, Query, Resolver, type ClassType } from "type-graphql";
import type { SubgraphContext } from "./subgraph";
import { requireReportScope } from "./validate";

/** A meeting report's key: the region and the period it covers. */
export interface MeetingReportKey {
  regionCode: string;
  period: string;
}

/**
 * The meeting report's root field, declared alike by every department (`@shareable`). The gateway
 * then asks every department for its own section at once, in one round, rather than first the
 * office for the report and then each department for its section by the report's key. Each
 * department checks the key it is asked for.
 */
export function meetingReportQuery(report: ClassType<MeetingReportKey>): Function {
  @Resolver(() => report)
  class MeetingReportQuery {
    @Query(() => report, {
      description:
        "The meeting report for a region and a period (YYYY or YYYY-Qn, begun by today); each department answers its own section",
    })
    @Directive("@shareable")
    meetingReport(
      @Arg("regionCode", () => String) regionCode: string,
      @Arg("period", () => String) period: string,
      @Ctx() { clock }: SubgraphContext,
    ): MeetingReportKey {
      requireReportScope(regionCode, period, clock());
      return { regionCode, period };
    }
  }
  return MeetingReportQuery;
}
