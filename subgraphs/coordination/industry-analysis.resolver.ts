import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { employerRegionRule } from "../../kernel/employer-region";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireAnalysisScope } from "../../kernel/validate";
import { checkRegionCode } from "../../reference/regions";
import { IndustryAnalysis, IndustryRow } from "./industry-analysis.entity";
import { analyseIndustries, analysisMethod, type IndustryAnalysisResult } from "./industry-analysis.rules";

/** The departments' figures the office joins: the gateway asks each department for its own before the office computes. */
const requiresFigures = () =>
  Directive(
    '@requires(fields: "insuredFigures { division year insuredHeadcount recognisedInjuries } accidentFigures { division year accidents deaths } occupationalDiseaseFigures { division year newCases }")',
  );

/** The joined analysis, computed once per analysis object however many of its fields are asked. */
const computed = new WeakMap<IndustryAnalysis, IndustryAnalysisResult | null>();

function analysisOf(analysis: IndustryAnalysis): IndustryAnalysisResult | null {
  if (!computed.has(analysis)) {
    const { insuredFigures, accidentFigures, occupationalDiseaseFigures } = analysis;
    const years = Array.from({ length: analysis.toYear - analysis.fromYear + 1 }, (_, index) => analysis.fromYear + index);
    // A department that did not answer leaves its figures null: no joined row may stand in for it with zeros.
    computed.set(
      analysis,
      insuredFigures && accidentFigures && occupationalDiseaseFigures
        ? analyseIndustries(years, insuredFigures, accidentFigures, occupationalDiseaseFigures)
        : null,
    );
  }
  return computed.get(analysis) ?? null;
}

@Resolver(() => IndustryAnalysis)
export class IndustryAnalysisResolver {
  @Query(() => IndustryAnalysis, {
    description:
      "数据分析研判: every industry's figures for a region over whole calendar years (at most 10, the last begun by today), each department's from its own database",
  })
  industryAnalysis(
    @Arg("regionCode", () => String) regionCode: string,
    @Arg("fromYear", () => Int) fromYear: number,
    @Arg("toYear", () => Int) toYear: number,
    @Ctx() { clock }: SubgraphContext,
  ): IndustryAnalysis {
    requireAnalysisScope(regionCode, fromYear, toYear, clock());
    return { regionCode, fromYear, toYear };
  }

  @FieldResolver(() => String, { description: "The region's name" })
  regionName(@Root() analysis: IndustryAnalysis): string {
    const region = checkRegionCode(analysis.regionCode);
    return region.valid ? region.name : analysis.regionCode;
  }

  @FieldResolver(() => String, { description: "How an event is placed in the region, in Chinese (as in the meeting report)" })
  regionRule(): string {
    return employerRegionRule;
  }

  @FieldResolver(() => String, { description: "How the figures, rates, rank and trend are computed, in Chinese" })
  method(): string {
    return analysisMethod;
  }

  @FieldResolver(() => [IndustryRow], {
    nullable: true,
    description:
      "Every GB/T 4754 division with a figure in the span, by rank in toYear (unranked last), then code; null if a department is missing",
  })
  @requiresFigures()
  divisions(@Root() analysis: IndustryAnalysis): IndustryRow[] | null {
    return analysisOf(analysis)?.divisions ?? null;
  }

  @FieldResolver(() => [IndustryRow], {
    nullable: true,
    description: "Rolled up by GB/T 4754 section, in the same order; null if a department is missing",
  })
  @requiresFigures()
  sections(@Root() analysis: IndustryAnalysis): IndustryRow[] | null {
    return analysisOf(analysis)?.sections ?? null;
  }

  @FieldResolver(() => [IndustryRow], {
    nullable: true,
    description:
      "Rolled up by the plans' key industries, in the plans' order (rank says where each stands); null if a department is missing",
  })
  @requiresFigures()
  keyIndustries(@Root() analysis: IndustryAnalysis): IndustryRow[] | null {
    return analysisOf(analysis)?.keyIndustries ?? null;
  }

  @FieldResolver(() => IndustryRow, {
    nullable: true,
    description:
      "Events and insured persons whose employer's industry no department recorded; null when there are none or a department is missing",
  })
  @requiresFigures()
  unclassified(@Root() analysis: IndustryAnalysis): IndustryRow | null {
    return analysisOf(analysis)?.unclassified ?? null;
  }
}
