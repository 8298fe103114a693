import { ArgsType, Field, Int, ObjectType, Directive, type ClassType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badUserInput } from "./errors";
import { structuralTypes } from "./sharing";

export const maxPageSize = 200;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Items per page, 1 to ${maxPageSize}` })
  first: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  after?: string;
}

@ObjectType({ description: "Where a page ends and whether another follows" })
@Directive("@shareable")
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field(() => Boolean)
  hasNextPage: boolean;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** A `<Item>Connection` type: a page of items and its PageInfo. */
export function Connection<T extends object>(item: ClassType<T>): ClassType<Page<T>> {
  structuralTypes.add(`${item.name}Connection`);
  @ObjectType(`${item.name}Connection`)
  class ConnectionClass implements Page<T> {
    @Field(() => [item])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionClass;
}

const encodeCursor = (key: string) => Buffer.from(key, "utf8").toString("base64url");

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  if (!cursor || encodeCursor(key) !== cursor) throw badUserInput("after", "不是本列表返回的分页游标");
  return key;
}

/**
 * Keyset pagination on a unique string column: stable under inserts, one statement per page
 * (one extra row tells whether another page follows).
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  keyColumn: keyof T & string,
  args: PageArgs,
): Promise<Page<T>> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > maxPageSize) {
    throw badUserInput("first", `应为 1 至 ${maxPageSize} 之间的整数, 填写的是 ${args.first}`);
  }
  const alias = query.alias;
  if (args.after !== undefined && args.after !== null) {
    query.andWhere(`${alias}.${keyColumn} > :afterKey`, { afterKey: decodeCursor(args.after) });
  }
  const rows = await query
    .orderBy(`${alias}.${keyColumn}`, "ASC")
    .limit(args.first + 1)
    .getMany();
  const nodes = rows.slice(0, args.first);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { endCursor: last ? encodeCursor(String(last[keyColumn])) : null, hasNextPage: rows.length > args.first } };
}
