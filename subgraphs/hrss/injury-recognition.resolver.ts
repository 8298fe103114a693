import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { AccidentReference } from "./accident.entity";
import { Enterprise } from "./enterprise.entity";
import { InjuryRecognition, RecognitionStatus } from "./injury-recognition.entity";
import { Person } from "./person.entity";

@ArgsType()
class InjuryRecognitionFilter extends PageArgs {
  @Field(() => RecognitionStatus, { nullable: true })
  status?: RecognitionStatus;
}

const InjuryRecognitionConnection = Connection(InjuryRecognition);

@Resolver(() => InjuryRecognition)
export class InjuryRecognitionResolver {
  @Query(() => InjuryRecognitionConnection)
  injuryRecognitions(@Args(() => InjuryRecognitionFilter) filter: InjuryRecognitionFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(InjuryRecognition).createQueryBuilder("recognition");
    if (filter.status) query.andWhere("recognition.status = :status", { status: filter.status });
    return paginate(query, "id", filter);
  }

  @FieldResolver(() => Person, { nullable: true })
  person(@Root() recognition: InjuryRecognition, @Ctx() { loaders }: SubgraphContext): Promise<Person | null> {
    return loaders.one(Person, "pid").load(recognition.pid);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  enterprise(@Root() recognition: InjuryRecognition, @Ctx() { loaders }: SubgraphContext): Promise<Enterprise | null> {
    return loaders.one(Enterprise, "creditCode").load(recognition.creditCode);
  }

  @FieldResolver(() => AccidentReference, { nullable: true })
  accident(@Root() recognition: InjuryRecognition): AccidentReference | null {
    return recognition.accidentId ? { id: recognition.accidentId } : null;
  }
}
