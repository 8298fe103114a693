import { Directive, Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";

export enum IndustryLevel {
  DIVISION = "DIVISION",
  SECTION = "SECTION",
  KEY_INDUSTRY = "KEY_INDUSTRY",
  UNCLASSIFIED = "UNCLASSIFIED",
}
registerEnumType(IndustryLevel, {
  name: "IndustryLevel",
  description: "What a row of the analysis groups",
  valuesConfig: {
    DIVISION: { description: "A GB/T 4754 division (大类): code is 2 digits" },
    SECTION: { description: "A GB/T 4754 section (门类): code is 1 letter" },
    KEY_INDUSTRY: { description: "A key industry of the plans (reference/key-industries.ts): code is its stable code" },
    UNCLASSIFIED: { description: "Rows whose employer's industry no department recorded: counted, never ranked" },
  },
});

export enum TrendDirection {
  RISING = "RISING",
  FALLING = "FALLING",
  STEADY = "STEADY",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(TrendDirection, {
  name: "TrendDirection",
  valuesConfig: {
    STEADY: { description: "A change within ±5 %" },
    UNKNOWN: { description: "Fewer than two years with a rate" },
  },
});

@ObjectType({ description: "人社's figures for one industry division and year, counted in hrss's own database" })
@Directive("@shareable")
export class InsuredIndustryFigures {
  @Field(() => String, { nullable: true })
  division: string | null;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  insuredHeadcount: number;

  @Field(() => Int)
  recognisedInjuries: number;
}

@ObjectType({ description: "应急's figures for one industry division and year, counted in emergency's own database" })
@Directive("@shareable")
export class AccidentIndustryFigures {
  @Field(() => String, { nullable: true })
  division: string | null;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  accidents: number;

  @Field(() => Int)
  deaths: number;
}

@ObjectType({ description: "卫健's figures for one industry division and year, counted in health's own database" })
@Directive("@shareable")
export class OccupationalDiseaseIndustryFigures {
  @Field(() => String, { nullable: true })
  division: string | null;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  newCases: number;
}

@ObjectType({ description: "A key industry of the plans" })
export class KeyIndustryTag {
  @Field(() => String)
  code: string;

  @Field(() => String, { description: "The plans' own word" })
  name: string;
}

@ObjectType({ description: "One industry's figures in one year, and its rates" })
export class IndustryYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "人社: persons insured at the year's end through the region's employers in this industry" })
  insuredHeadcount: number;

  @Field(() => Int, { description: "应急: production-safety accidents in the year" })
  accidents: number;

  @Field(() => Int, { description: "应急: deaths in those accidents" })
  deaths: number;

  @Field(() => Int, { description: "人社: injuries in the year recognised as work injuries" })
  recognisedInjuries: number;

  @Field(() => Int, { description: "卫健: occupational-disease cases diagnosed in the year" })
  newOccupationalDiseaseCases: number;

  @Field(() => Float, { nullable: true, description: "Recognised injuries per 1,000 insured (工伤发生率); null when no one is insured" })
  injuriesPerThousand: number | null;

  @Field(() => Float, { nullable: true, description: "Accidents per 1,000 insured" })
  accidentsPerThousand: number | null;

  @Field(() => Float, { nullable: true, description: "Deaths per 100,000 insured" })
  deathsPerHundredThousand: number | null;

  @Field(() => Float, { nullable: true, description: "New occupational-disease cases per 1,000 insured" })
  occupationalDiseasesPerThousand: number | null;

  @Field(() => String, { nullable: true, description: "Why the rates are null, in Chinese; null when they exist" })
  rateUnavailable: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Rank this year by injuriesPerThousand among rows of the same level (1 = highest, ties share); null without a rate",
  })
  rank: number | null;
}

@ObjectType({ description: "The trend of injuriesPerThousand from the first to the last year of the span with a rate" })
export class IndustryTrend {
  @Field(() => TrendDirection)
  direction: TrendDirection;

  @Field(() => Int, { nullable: true })
  fromYear: number | null;

  @Field(() => Int, { nullable: true })
  toYear: number | null;

  @Field(() => Float, { nullable: true, description: "(last − first) / first × 100; null when UNKNOWN or the first rate is 0" })
  changePercent: number | null;

  @Field(() => String, { nullable: true, description: "In Chinese, when direction is UNKNOWN or changePercent is null" })
  reason: string | null;
}

@ObjectType({ description: "One industry (a division, a section, a key industry) over the span" })
export class IndustryRow {
  @Field(() => IndustryLevel)
  level: IndustryLevel;

  @Field(() => String)
  code: string;

  @Field(() => String, { description: "行业名称, or the plans' own word" })
  name: string;

  @Field(() => String, { nullable: true, description: "The GB/T 4754 section letter of a division or section" })
  sectionCode: string | null;

  @Field(() => KeyIndustryTag, {
    nullable: true,
    description: "The plans' key industry a division belongs to (a key-industry row: itself)",
  })
  keyIndustry: KeyIndustryTag | null;

  @Field(() => Int, {
    nullable: true,
    description: "Rank in toYear by injuriesPerThousand among rows of the same level; null without a rate",
  })
  rank: number | null;

  @Field(() => [IndustryYear], { description: "Every year of the span, in order" })
  years: IndustryYear[];

  @Field(() => IndustryTrend)
  trend: IndustryTrend;
}

/**
 * 数据分析研判: the key-industry analysis for a region over a span of years. The office owns it;
 * hrss, emergency and health each add their own figures, and the office joins them by industry
 * and year and computes rates, rank and trend once, so the console and the document read the same.
 */
@ObjectType()
@Directive('@key(fields: "regionCode fromYear toYear")')
export class IndustryAnalysis {
  @Field(() => String, { description: "GB/T 2260 region: a county, or a prefecture or province with everything under it" })
  regionCode: string;

  @Field(() => Int)
  fromYear: number;

  @Field(() => Int)
  toYear: number;

  @Field(() => [InsuredIndustryFigures], { nullable: true })
  @Directive("@external")
  insuredFigures?: InsuredIndustryFigures[] | null;

  @Field(() => [AccidentIndustryFigures], { nullable: true })
  @Directive("@external")
  accidentFigures?: AccidentIndustryFigures[] | null;

  @Field(() => [OccupationalDiseaseIndustryFigures], { nullable: true })
  @Directive("@external")
  occupationalDiseaseFigures?: OccupationalDiseaseIndustryFigures[] | null;
}
