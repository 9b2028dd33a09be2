import { beforeAll, describe, expect, it } from "vitest";
import { buildEntityIndex, type EntityIndex } from "../src/engine/entity-index.ts";
import { createEngine, type Engine } from "../src/engine/index.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import type { Entity } from "../src/knowledge/schema.ts";
import { tokenize } from "../src/text/normalize.ts";

const entity = (
  id: string,
  kind: Entity["kind"],
  behind?: Entity["behind"],
  aliases: string[] = [],
): Entity => ({
  id,
  kind,
  name: { en: id, ar: id },
  aliases: [id, ...aliases],
  description: { en: id, ar: id },
  citations: [{ paragraph: 1, text: id, translation: id }],
  ...(behind ? { behind } : {}),
});

/**
 * A small world: Ada owns Acme and founded Bolt; Cy runs Corp; Acme makes the Widget; Dee and
 * Eve both founded Duo.
 */
const world = buildEntityIndex([
  entity("ada", "person", { owns: ["acme"], founded: ["bolt"] }),
  entity("cy", "person", { runs: ["corp"] }, ["boss cy"]),
  entity("dee", "person", { founded: ["duo"] }),
  entity("eve", "person", { founded: ["duo"], runs: ["duo"] }),
  entity("acme", "company", { makes: ["widget"] }),
  entity("bolt", "company"),
  entity("corp", "company"),
  entity("duo", "company"),
  entity("widget", "product"),
]);

/** Who each name in the text is: `id`, or `id<via` for a description. */
const named = (index: EntityIndex, text: string, exact = false) =>
  index
    .detectEntities(tokenize(text), { exact })
    .map((d) => (d.via ? `${d.entity.id}<${d.via.id}` : d.entity.id));

describe("descriptions", () => {
  it("turns a role word after or before a name into whoever is behind it", () => {
    expect(named(world, "what is the acme guy doing")).toEqual(["ada<acme"]);
    expect(named(world, "is the ceo of the corp rich")).toEqual(["cy<corp"]);
    expect(named(world, "corp top boss")).toEqual(["cy<corp"]);
    expect(named(world, "رئيس corp")).toEqual(["cy<corp"]);
    expect(named(world, "the bolt founder")).toEqual(["ada<bolt"]);
    expect(named(world, "راجل corp")).toEqual(["cy<corp"]);
    expect(named(world, "the guy from corp")).toEqual(["cy<corp"]);
    expect(named(world, "زول corp")).toEqual(["cy<corp"]);
  });

  it("names only in the role the store gives: an owner is a boss, not a CEO", () => {
    expect(named(world, "the acme owner")).toEqual(["ada<acme"]);
    expect(named(world, "the acme boss")).toEqual(["ada<acme"]);
    expect(named(world, "the acme ceo")).toEqual(["acme"]);
    expect(named(world, "the corp owner")).toEqual(["corp"]);
  });

  it("names no one when the role fits more than one, and prefers who runs it to who founded it", () => {
    expect(named(world, "the duo founder")).toEqual(["duo"]);
    expect(named(world, "the duo boss")).toEqual(["eve<duo"]);
    expect(named(world, "the duo guy")).toEqual(["eve<duo"]);
  });

  it("climbs from a product to its maker, and from the maker to whoever is behind it", () => {
    expect(named(world, "the widget company")).toEqual(["acme<widget"]);
    expect(named(world, "the widget guy")).toEqual(["ada<widget"]);
    expect(named(world, "صاحب شركة widget")).toEqual(["ada<widget"]);
  });

  it("reads the people behind a product as its maker, not as one person", () => {
    expect(named(world, "the widget people")).toEqual(["acme<widget"]);
    expect(named(world, "the widget team")).toEqual(["acme<widget"]);
    expect(named(world, "جماعة widget")).toEqual(["acme<widget"]);
    // A company's own people are the company.
    expect(named(world, "the corp people")).toEqual(["corp"]);
  });

  it("reads a maker named by what it makes, in a clause", () => {
    expect(named(world, "the company that makes widget")).toEqual(["acme<widget"]);
    expect(named(world, "الشركة اللي عاملة widget")).toEqual(["acme<widget"]);
    expect(named(world, "the boss of the company that made widget")).toEqual(["ada<widget"]);
  });

  it("reads a role before a verb of running as whoever runs the company, and no one else", () => {
    expect(named(world, "the guy who runs corp")).toEqual(["cy<corp"]);
    expect(named(world, "the person running corp")).toEqual(["cy<corp"]);
    expect(named(world, "الشخص اللي بيدير corp")).toEqual(["cy<corp"]);
    // Ada owns Acme: "the acme guy", but not "the guy who runs acme".
    expect(named(world, "the guy who runs acme")).toEqual(["acme"]);
    expect(named(world, "the man who heads duo")).toEqual(["eve<duo"]);
  });

  it("reads a role before a verb of owning or founding as that relation alone", () => {
    expect(named(world, "the guy who owns acme")).toEqual(["ada<acme"]);
    expect(named(world, "the guy who owns the acme")).toEqual(["ada<acme"]);
    expect(named(world, "الراجل اللي بيملك acme")).toEqual(["ada<acme"]);
    expect(named(world, "the man who founded bolt")).toEqual(["ada<bolt"]);
    // Cy runs Corp, and nobody is said to own it.
    expect(named(world, "the guy who owns corp")).toEqual(["corp"]);
  });

  it("names a person's company only when the person is behind exactly one", () => {
    expect(named(world, "cy company")).toEqual(["corp<cy"]);
    expect(named(world, "ada company")).toEqual(["ada"]);
  });

  it("tells a person's companies apart by a word only some of them are known by", () => {
    const several = buildEntityIndex([
      entity("ada", "person", { owns: ["acme", "bolt"] }),
      entity("acme", "company", undefined, ["acme rockets"]),
      entity("bolt", "company", undefined, ["bolt cars"]),
    ]);
    expect(named(several, "ada rockets company")).toEqual(["acme<ada"]);
    expect(named(several, "the company of ada for cars")).toEqual(["bolt<ada"]);
    // A word neither is known by, or none at all, names no one company.
    expect(named(several, "ada new company")).toEqual(["ada"]);
    expect(named(several, "ada company")).toEqual(["ada"]);
  });

  it("marks a person's role beside a company that the store gives no one", () => {
    const unheld = (text: string) =>
      world.detectEntities(tokenize(text)).map((d) => `${d.entity.id}:${d.unheldRole === true}`);
    expect(unheld("who is the ceo of acme")).toEqual(["acme:true"]);
    expect(unheld("bolt boss")).toEqual(["bolt:true"]);
    expect(unheld("who is the man who heads acme")).toEqual(["acme:true"]);
    expect(unheld("الرئيس التنفيذي لشركة bolt")).toEqual(["bolt:true"]);
    // Held: a description, not a question about nobody.
    expect(unheld("الرئيس التنفيذي لشركة corp")).toEqual(["corp:false"]);
    expect(unheld("who is the ceo of corp")).toEqual(["cy:false"]);
    // No role, or a company's own word: nothing asked of a person.
    expect(unheld("who is acme")).toEqual(["acme:false"]);
    expect(unheld("the bolt company")).toEqual(["bolt:false"]);
  });

  it("gives everyone who holds a role the story gives to more than one, and marks it held", () => {
    const held = (text: string) =>
      world
        .detectEntities(tokenize(text))
        .map((d) => `${d.entity.id}:${d.unheldRole === true}:${(d.heldBy ?? []).map((e) => e.id)}`);
    expect(held("the duo founder")).toEqual(["duo:false:dee,eve"]);
    expect(held("who is duo")).toEqual(["duo:false:"]);
    expect(held("the bolt founder")).toEqual(["ada:false:"]);
  });

  it("leaves a name that already is what the role asks for", () => {
    expect(named(world, "the bolt company")).toEqual(["bolt"]);
  });

  it("leaves the store's own text as written", () => {
    expect(named(world, "the acme guy", true)).toEqual(["acme"]);
  });

  it("does not take a role word another name holds", () => {
    expect(named(world, "acme boss cy")).toEqual(["acme", "cy"]);
    expect(named(world, "corp boss cy")).toEqual(["corp", "cy"]);
  });
});

describe("descriptions in the real store", () => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine(loadKnowledge());
  });

  it("answers /who for a person named by what they run, own or made", () => {
    expect(engine.who("the oracle guy").ref).toBe("entity:ellison");
    expect(engine.who("chatgpt boss").ref).toBe("entity:altman");
    expect(engine.who("the tesla guy").ref).toBe("entity:musk");
    expect(engine.who("the tesla tycoon").ref).toBe("entity:musk");
    expect(engine.who("nadella's company").ref).toBe("entity:microsoft");
    expect(engine.who("the guy who runs lancium").ref).toBe("entity:mcnamara");
    expect(engine.who("the guy from oracle").ref).toBe("entity:ellison");
    expect(engine.who("the guy who owns tesla").ref).toBe("entity:musk");
  });

  it("answers /who for the one of Musk's companies the reader's words describe", () => {
    expect(engine.who("musk's car company").ref).toBe("entity:tesla");
    expect(engine.who("شركة ماسك بتاعة الذكاء الاصطناعي").ref).toBe("entity:xai");
    // He is behind four companies, and founded OpenAI too: his company alone is none of them.
    expect(engine.who("musk's company").ref).toBe("entity:musk");
  });

  it("answers /who for the paper by the story it first reported", () => {
    expect(engine.who("the newspaper that first reported stargate").ref).toBe(
      "entity:the-information",
    );
    expect(engine.who("the paper that broke the stargate story").ref).toBe(
      "entity:the-information",
    );
    expect(engine.who("الجريدة اللي كشفت عن ستارغيت أول مرة").ref).toBe("entity:the-information");
    // A site is Abilene's, not a publication's.
    expect(engine.who("the first stargate site").ref).toBe("entity:stargate");
  });

  it("knows a company by what readers know it makes", () => {
    expect(engine.who("the guy who owns the electric car company").ref).toBe("entity:musk");
    expect(engine.who("the rocket company guy").ref).toBe("entity:musk");
    expect(engine.who("صاحب العربيات الكهربا").ref).toBe("entity:musk");
    expect(
      engine.ask("did the company that makes windows show up to trump's announcement").ref,
    ).toBe("faq:microsoft-absent-from-announcement");
    // Not every window is Microsoft's: nothing about it is offered.
    expect(engine.ask("how do i clean my windows").status).toBe("no_match");
  });

  it("asks which of them when the story gives a role to two people", () => {
    for (const typed of ["the founder of openai", "مؤسس اوبن اي اي"]) {
      const result = engine.who(typed);
      expect(result.status, typed).toBe("ambiguous");
      expect(result.citations).toEqual([]);
      expect(result.suggestions.map((s) => s.ref)).toEqual(["entity:altman", "entity:musk"]);
    }
    // Asked in full, it is the question the store answers: who founded OpenAI.
    expect(engine.ask("who is the founder of openai?").ref).toBe("faq:who-founded-openai");
  });

  it("answers a question that names someone by description as it answers their name", () => {
    const pairs = [
      [
        "where is the spacex guy's ai company building its data center",
        "where is musk's ai company building its data center",
      ],
      ["what did the chatgpt boss reply to musk", "what did altman reply to musk"],
      ["how much did nadella's company spend in the us", "how much did microsoft spend in the us"],
    ];
    for (const [described = "", byName = ""] of pairs) {
      const a = engine.ask(described);
      const b = engine.ask(byName);
      expect(a.status, described).toBe("answered");
      expect(a.ref, described).toBe(b.ref);
      expect(a.confidence).toBeCloseTo(b.confidence, 1);
    }
  });

  // The entry on the man described, not the one on the company he is described by.
  it.each([
    "مين رئيس شركة لانشيوم؟",
    "من مدير شركة لانشيوم",
    "who is the boss of the company lancium",
  ])("answers %j with the person the description names", (question) => {
    expect(engine.ask(question).ref).toBe("faq:michael-mcnamara-quote");
  });

  it("does not name a boss the story never names, and offers the company it does describe", () => {
    for (const [typed, company] of [
      ["the softbank boss", "softbank"],
      ["the oracle boss", "oracle"],
      ["مول سوفت بانك", "softbank"],
      ["the ceo of tesla", "tesla"],
    ] as const) {
      const result = engine.who(typed);
      expect(result.status, typed).toBe("no_match");
      expect(result.citations).toEqual([]);
      expect(result.suggestions.map((s) => s.ref)).toEqual([`entity:${company}`]);
    }
    expect(engine.who("the softbank boss").text).toBe("The story doesn't say who holds that role.");
    expect(engine.ask("who is the ceo of tesla?").status).not.toBe("answered");
    expect(engine.ask("من هو الرئيس التنفيذي لشركة سوفت بنك؟").status).not.toBe("answered");
    expect(engine.ask("مين رئيس أوراكل؟").status).not.toBe("answered");
  });
});
