import type { EntityManager, EntityTarget } from "typeorm";
import { badUserInput } from "../../kernel/errors";

/**
 * Moves a record to status `to` if its current status allows, with the changes `change` derives
 * from it (checked first). The current status is part of the UPDATE's condition, so of two
 * concurrent moves only one succeeds; the other is rejected with the status it found.
 */
export async function moveStatus<S extends string, T extends { id: string; status: S }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  what: string,
  transitions: Readonly<Record<S, readonly S[]>>,
  id: string,
  to: S,
  change: (current: T) => Partial<T> | Promise<Partial<T>>,
): Promise<T> {
  const current = await manager.findOneBy(entity, { id } as never);
  if (!current) throw badUserInput("input.id", `没有编号为 ${id} 的${what}`);
  const illegal = (status: S) =>
    badUserInput(
      "input.id",
      `${id} 当前为 ${status}, ${transitions[status].length ? `只能转为 ${transitions[status].join(" 或 ")}` : "不能再转为其他状态"}, 不能转为 ${to}`,
    );
  if (!transitions[current.status].includes(to)) throw illegal(current.status);
  const changes = { ...(await change(current)), status: to };
  const { affected } = await manager.update(entity, { id, status: current.status } as never, changes as never);
  if (affected !== 1) throw illegal((await manager.findOneByOrFail(entity, { id } as never)).status);
  return Object.assign(current, changes);
}
