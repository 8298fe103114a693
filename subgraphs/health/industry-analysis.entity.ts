import { Directive, Field, Int, ObjectType } from "type-graphql";

/** The key-industry analysis as health sees it: the joint-prevention office owns it, this adds health's figures. */
@ObjectType()
@Directive('@key(fields: "regionCode fromYear toYear")')
export class IndustryAnalysis {
  @Field(() => String)
  regionCode: string;

  @Field(() => Int)
  fromYear: number;

  @Field(() => Int)
  toYear: number;
}

@ObjectType({ description: "卫健's figures for one industry division and year, counted in health's own database" })
@Directive("@shareable")
export class OccupationalDiseaseIndustryFigures {
  @Field(() => String, {
    nullable: true,
    description: "GB/T 4754 division (2 digits) as the report card states it; null: no industry reported",
  })
  division: string | null;

  @Field(() => Int, { description: "Year of diagnosis" })
  year: number;

  @Field(() => Int, { description: "Occupational-disease cases diagnosed in the year" })
  newCases: number;
}
