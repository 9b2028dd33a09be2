import type { Entity, Relation } from "../knowledge/schema.ts";
import { normalize, tokenize } from "../text/normalize.ts";

/**
 * Readers name people and companies by what they run or make: "the Tesla guy", "the ChatGPT
 * company", "مدير شركة شات جي بي تي", "Nadella's company". A role word beside a name turns the
 * name into whoever the store says is behind it (`Entity.behind`), and a company word beside a
 * person into the one company that person is behind.
 *
 * A role word names only what the story says: it calls Altman OpenAI's CEO, so "the OpenAI CEO"
 * is Altman; it says only that Tesla is one of Musk's companies, so "the Tesla boss" is Musk but
 * "the CEO of Tesla" stays a question about Tesla's CEO, which the store cannot answer. A role
 * with no one, or more than one, to name leaves the name as it was.
 */

type Role = { kind: "person" | "company" | "publication"; relations: readonly Relation[] };

const words = (list: string) => list.split(/\s+/).map(normalize).filter(Boolean);
const roles = new Map<string, Role>();
const role = (list: string, kind: Role["kind"], relations: readonly Relation[]) => {
  for (const word of words(list)) roles.set(word, { kind, relations });
};
// Each role's relations in order of preference.
role("guy dude man person رجل راجل زول شخص", "person", ["runs", "owns", "founded"]);
role("owner tycoon mogul صاحب مالك مول", "person", ["owns", "founded"]);
// A boss may run the company or own it; a title is a claim the story must make itself.
role("boss head leader honcho رئيس زعيم", "person", ["runs", "owns"]);
role("ceo chief exec executive chairman مدير", "person", ["runs"]);
role("founder cofounder مؤسس", "person", ["founded"]);
/** Titles the story gives no one: "the OpenAI CFO" is not a misspelt "OpenAI CEO". */
export const UNHELD_TITLES = new Set(words("cfo coo cto cio cmo cpo"));
for (const title of UNHELD_TITLES) roles.set(title, { kind: "person", relations: [] });
role("company firm maker makers developer creator شركة صانع صانعة مطور مطورة", "company", [
  "makes",
]);
// "The ChatGPT people", "جماعة شات جي بي تي": the many behind a product are its maker, not one person.
role("people folks team crew جماعة", "company", ["makes"]);
// "The paper that broke Stargate", "الجريدة اللي كشفت عن ستارغيت". Not "site", which is Abilene's.
role("newspaper paper outlet publication جريدة صحيفة", "publication", ["reported"]);

/** Whether a word names a person by a role: "ceo", "boss", "founder", "مدير". */
export const isPersonRole = (word: string): boolean => roles.get(word)?.kind === "person";

/** Words between a name and the role after it: "Microsoft's top guy". */
const BEFORE_ROLE = new Set(words("top big main"));
/**
 * Words between a role and the name after it: "the CEO of the company", "the company behind
 * ChatGPT", "the company that makes ChatGPT", "الشركة اللي عاملة شات جي بي تي".
 */
const AFTER_ROLE = new Set(
  words(`of at from behind the that which who makes made created developed built first about
    اللي التي الذي عاملة عملت صنعت تصنع طورت تطور عن`),
);
/**
 * "The guy who runs Lancium", "الشخص اللي بيدير مايكروسوفت": a role before a verb of running names
 * only the one who runs the company, never an owner or a founder the story gives instead; so with
 * owning ("the guy who owns Tesla" is Musk, not Tesla) and founding.
 */
const RELATION_VERBS = new Map<string, Relation>([
  ...words("runs running run leads leading heads heading manages يدير بيدير").map(
    (w) => [w, "runs"] as const,
  ),
  ...words("owns own owned owning يملك بيملك").map((w) => [w, "owns"] as const),
  ...words("founded cofounded started أسس اسس").map((w) => [w, "founded"] as const),
  ...words("reported broke revealed كشفت نشرت حكت افادت").map((w) => [w, "reported"] as const),
]);
/** "الرئيس التنفيذي لشركة سوفت بنك": "chief executive of the company", a role all the same. */
const ROLE_QUALIFIERS = new Set(words("التنفيذي لشركة"));
/**
 * How far before a name its role may stand: three joining words, as in "the guy who owns the
 * Tesla", "الرئيس التنفيذي لشركة SoftBank".
 */
const ROLE_REACH = 4;
/** "The head of the company that makes ChatGPT" is as far as a reader's description goes. */
const MAX_ROLES = 3;

/**
 * The role word up to `reach` words before a name, past the words that join them ("the CEO of",
 * "the guy who runs"), and where it stands. A verb of running, owning or founding among them
 * narrows a person's role to it.
 */
function roleBefore(
  tokens: readonly string[],
  start: number,
  reach: number,
  joining: ReadonlySet<string> = NO_WORDS,
): { role: Role | undefined; at: number } {
  let at = start - 1;
  let verb: Relation | undefined;
  const joins = (word: string) =>
    AFTER_ROLE.has(word) || RELATION_VERBS.has(word) || joining.has(word);
  while (at > start - reach && joins(tokens[at] ?? "")) {
    verb ??= RELATION_VERBS.get(tokens[at] ?? "");
    at--;
  }
  const role = roles.get(tokens[at] ?? "");
  return {
    role: verb && role?.kind === "person" ? { kind: "person", relations: [verb] } : role,
    at,
  };
}
const NO_WORDS: ReadonlySet<string> = new Set();

export interface Described {
  entity: Entity;
  start: number;
  end: number;
  /** The name the description was built on ("Tesla" in "the Tesla guy"), which it also names. */
  via?: Entity;
  /**
   * A person's role beside the name that the story gives no one: "the CEO of SoftBank", "رئيس
   * أوراكل". A question asking who holds it asks what the story never says.
   */
  unheldRole?: boolean;
  /**
   * Everyone who holds a person's role beside the name, when the story gives it to more than one:
   * "the founder of OpenAI" is Musk or Altman, and the reader is asked which.
   */
  heldBy?: readonly Entity[];
}

export type Describe = <D extends Described>(found: D, tokens: readonly string[]) => D;

export function buildDescriptions(entities: readonly Entity[]): Describe {
  const byId = new Map(entities.map((e) => [e.id, e]));
  /** Who stands in each relation to an entity: `holders.get("openai").runs` is [Altman]. */
  const holders = new Map<string, Map<Relation, Entity[]>>();
  for (const holder of entities) {
    for (const [relation, ids] of Object.entries(holder.behind ?? {}) as [Relation, string[]][]) {
      for (const id of ids) {
        const byRelation = holders.get(id) ?? new Map<Relation, Entity[]>();
        byRelation.set(relation, [...(byRelation.get(relation) ?? []), holder]);
        holders.set(id, byRelation);
      }
    }
  }
  const only = (items: readonly Entity[]): Entity | undefined => {
    const distinct = [...new Set(items)];
    return distinct.length === 1 ? distinct[0] : undefined;
  };
  const holdersOf = (entity: Entity, relation: Relation) =>
    holders.get(entity.id)?.get(relation) ?? [];

  // The words each entity is known by or described with: "car" of Tesla's "electric car company",
  // "rocket" of SpaceX's "rocket company", "ذكاء" of xAI's "شركة ماسك ... للذكاء الاصطناعي".
  const knownBy = new Map(
    entities.map((e) => [
      e,
      new Set([...e.aliases, e.description.en, e.description.ar].flatMap(tokenize)),
    ]),
  );
  /**
   * Of a person's several companies, the one the reader's other words describe: "Musk's car
   * company" is Tesla, where "Musk's company" could be any of five. A word every one of them has
   * ("company", "musk") tells none apart, and one that two have ("ai": xAI, and OpenAI, which he
   * co-founded) names neither.
   */
  const describedBy = (companies: readonly Entity[], context: readonly string[]) => {
    const telling = context.filter((word) => {
      const having = companies.filter((c) => knownBy.get(c)?.has(word)).length;
      return having > 0 && having < companies.length;
    });
    return only(companies.filter((c) => telling.some((word) => knownBy.get(c)?.has(word))));
  };

  /**
   * Who a role word beside `entity` names, if the store says exactly one; `context` is the rest
   * of the reader's words, which may tell one of a person's companies from the others.
   */
  const resolve = (
    entity: Entity,
    { kind, relations }: Role,
    context: readonly string[] = [],
  ): Entity | undefined => {
    if (entity.kind === kind) return entity;
    // The first relation anyone holds decides: "the OpenAI guy" is the one who runs it, though
    // two men founded it; and when two share that relation, the role names no one.
    for (const relation of relations) {
      const found = holdersOf(entity, relation).filter((h) => h.kind === kind);
      if (found.length > 0) return only(found);
    }
    // "The ChatGPT boss": the boss of ChatGPT's maker.
    const maker = only(holdersOf(entity, "makes"));
    if (maker) return resolve(maker, { kind, relations });
    // "Nadella's company": the one company a person is behind.
    if (entity.kind === "person" && kind === "company") {
      const own = Object.values(entity.behind ?? {}).flatMap((ids) =>
        ids.map((id) => byId.get(id)),
      );
      const companies = [...new Set(own.filter((e): e is Entity => e?.kind === "company"))];
      return only(companies) ?? describedBy(companies, context);
    }
    return undefined;
  };

  /**
   * A person's role beside a company that no one alone holds: the people the store gives it, two
   * or more ("the founder of OpenAI"), or none ("the CEO of SoftBank").
   */
  const unresolved = (
    entity: Entity,
    tokens: readonly string[],
    start: number,
    end: number,
  ): Pick<Described, "unheldRole" | "heldBy"> => {
    if (entity.kind === "person") return {};
    const role =
      roles.get(tokens[end] ?? "") ?? roleBefore(tokens, start, ROLE_REACH, ROLE_QUALIFIERS).role;
    if (role?.kind !== "person" || resolve(entity, role)) return {};
    for (const relation of role.relations) {
      const people = [...new Set(holdersOf(entity, relation).filter((h) => h.kind === "person"))];
      if (people.length > 1) return { heldBy: people };
    }
    return { unheldRole: true };
  };

  return (found, tokens) => {
    let { entity, start, end } = found;
    for (let step = 0; step < MAX_ROLES; step++) {
      // After the name ("tesla guy", "microsoft top guy"), or before it ("ceo of the tesla", "رئيس تسلا").
      let after = end;
      if (BEFORE_ROLE.has(tokens[after] ?? "") && roles.has(tokens[after + 1] ?? "")) after++;
      // "Musk's car company": a word of the reader's own may say which of a person's companies.
      else if (entity.kind === "person" && roles.get(tokens[after + 1] ?? "")?.kind === "company")
        after++;
      const { role: beforeRole, at: before } = roleBefore(tokens, start, ROLE_REACH);
      const afterRole = roles.get(tokens[after] ?? "");
      // The reader's words beside the name and its role, which no role word is.
      const context = tokens.filter((t, k) => (k < start || k >= end) && t && !roles.has(t));
      const byAfter = afterRole && resolve(entity, afterRole, context);
      const byBefore = !byAfter && beforeRole && resolve(entity, beforeRole, context);
      if (byAfter) end = after + 1;
      else if (byBefore) start = before;
      else break;
      entity = byAfter || byBefore || entity;
    }
    if (entity === found.entity) return { ...found, ...unresolved(entity, tokens, start, end) };
    // "The Tesla company" is Tesla, as the name alone says; its "company" stays a word of the question.
    return { ...found, entity, start, end, via: found.entity };
  };
}
