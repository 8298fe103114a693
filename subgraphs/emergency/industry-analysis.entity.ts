import { Directive, Field, Int, ObjectType } from "type-graphql";

/** The key-industry analysis as emergency sees it: the joint-prevention office owns it, this adds emergency's figures. */
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

@ObjectType({ description: "应急's figures for one industry division and year, counted in emergency's own database" })
@Directive("@shareable")
export class AccidentIndustryFigures {
  @Field(() => String, { nullable: true, description: "GB/T 4754 division (2 digits) as the report states it; null: no industry reported" })
  division: string | null;

  @Field(() => Int, { description: "China calendar year the accident happened in" })
  year: number;

  @Field(() => Int)
  accidents: number;

  @Field(() => Int)
  deaths: number;
}
