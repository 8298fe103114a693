import { randomUUID } from "node:crypto";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireOwnDepartment } from "../../kernel/authorize";
import { Connection, PageArgs, paginate } from "../../kernel/pagination";
import type { SubgraphContext } from "../../kernel/subgraph";
import { requireAccidentId, requireLocalDate, requireNotFuture, requireText } from "../../kernel/validate";
import { AccidentReference } from "./accident.entity";
import { TypicalCaseBulletin } from "./typical-case.entity";

@ArgsType()
class TypicalCaseBulletinFilter extends PageArgs {
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: bulletins published on or after this day" })
  publishedFrom?: string;
}

@InputType({ description: "A typical-case bulletin to publish" })
class PublishTypicalCaseInput {
  @Field(() => String)
  title: string;

  @Field(() => String, { description: "YYYY-MM-DD, not in the future" })
  publishedOn: string;

  @Field(() => String, {
    nullable: true,
    description: "Emergency management's accident number AC-YYYY-NNNNNN, when the case is an accident",
  })
  accidentId?: string;

  @Field(() => String, { description: "At most 1000 characters" })
  summary: string;

  @Field(() => String, { description: "At most 1000 characters" })
  lessons: string;
}

const TypicalCaseBulletinConnection = Connection(TypicalCaseBulletin);

@Resolver(() => TypicalCaseBulletin)
export class TypicalCaseBulletinResolver {
  @Query(() => TypicalCaseBulletinConnection)
  typicalCaseBulletins(@Args(() => TypicalCaseBulletinFilter) filter: TypicalCaseBulletinFilter, @Ctx() { db }: SubgraphContext) {
    const query = db.getRepository(TypicalCaseBulletin).createQueryBuilder("bulletin");
    if (filter.publishedFrom)
      query.andWhere("bulletin.publishedOn >= :publishedFrom", { publishedFrom: requireLocalDate("publishedFrom", filter.publishedFrom) });
    return paginate(query, "id", filter);
  }

  @Mutation(() => TypicalCaseBulletin)
  async publishTypicalCase(
    @Arg("input", () => PublishTypicalCaseInput) input: PublishTypicalCaseInput,
    @Ctx() { identity, db, clock }: SubgraphContext,
  ): Promise<TypicalCaseBulletin> {
    requireOwnDepartment(identity, "coordination");
    const title = requireText("input.title", input.title, 200);
    const publishedOn = requireLocalDate("input.publishedOn", input.publishedOn);
    requireNotFuture("input.publishedOn", publishedOn, clock());
    const accidentId =
      input.accidentId === undefined || input.accidentId === null ? null : requireAccidentId("input.accidentId", input.accidentId);
    const summary = requireText("input.summary", input.summary, 1000);
    const lessons = requireText("input.lessons", input.lessons, 1000);
    const id = `TC-${randomUUID()}`;
    return db.transaction(async (manager) => {
      const repository = manager.getRepository(TypicalCaseBulletin);
      await repository.insert({ id, title, publishedOn, accidentId, summary, lessons });
      return repository.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => AccidentReference, {
    nullable: true,
    description: "The accident the case is about, resolved by emergency management",
  })
  accident(@Root() bulletin: TypicalCaseBulletin): AccidentReference | null {
    return bulletin.accidentId ? { id: bulletin.accidentId } : null;
  }
}
