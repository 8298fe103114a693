import { Directive, Field, Int, ObjectType } from "type-graphql";

/** The key-industry analysis as hrss sees it: the joint-prevention office owns it, this adds hrss's figures. */
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

@ObjectType({ description: "人社's figures for one industry division and year, counted in hrss's own database" })
@Directive("@shareable")
export class InsuredIndustryFigures {
  @Field(() => String, {
    nullable: true,
    description: "GB/T 4754 division (2 digits); null: the employer has no industry in hrss's register",
  })
  division: string | null;

  @Field(() => Int)
  year: number;

  @Field(() => Int, {
    description:
      "Persons insured at the year's end through employers registered in the region: currently insured persons whose insurance began by 31 December",
  })
  insuredHeadcount: number;

  @Field(() => Int, { description: "Injuries in the year recognised as work injuries (工伤认定 认定)" })
  recognisedInjuries: number;
}
