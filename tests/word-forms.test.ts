import { describe, expect, it } from "vitest";
import {
  accusativeVariant,
  arabicStem,
  buildStemIndex,
  cliticFree,
  finalAlifVariant,
  inflectionFree,
  type KnownWords,
} from "../src/engine/word-forms.ts";

/** A store that knows exactly these words and finds no typos. */
const knowing = (...words: string[]): KnownWords => {
  const set = new Set(words);
  return { has: (term) => set.has(term), lookup: () => [] };
};

describe("cliticFree", () => {
  it("finds the known word under a future prefix and a pronoun", () => {
    expect(cliticFree("ستستثمره", knowing("ستستثمر", "تستثمر"))).toEqual([
      { term: "ستستثمر", similarity: 0.85 },
      { term: "تستثمر", similarity: 0.85 },
    ]);
  });

  it('reads the dialects\' "و" for "his" as it reads "ه"', () => {
    expect(cliticFree("كلامو", knowing("كلام"))).toEqual(cliticFree("كلامه", knowing("كلام")));
    expect(cliticFree("كلامو", knowing("كلام"))).toEqual([{ term: "كلام", similarity: 0.85 }]);
  });

  it("takes a typo of the bare word, less sure than the word itself", () => {
    const known: KnownWords = {
      has: () => false,
      lookup: (word) => (word === "مايكروسوفت" ? [{ term: "ميكروسوفت", similarity: 0.9 }] : []),
    };
    const [hit] = cliticFree("لمايكروسوفت", known);
    expect(hit?.term).toBe("ميكروسوفت");
    expect(hit?.similarity).toBeCloseTo(0.9 * 0.85);
  });

  it.each([
    ["عالطاقه", "طاقه"],
    ["هالمصاري", "مصاري"],
    ["هتتعقد", "تتعقد"],
    ["حيبني", "يبني"],
    ["وهيطور", "يطور"],
  ])("cuts a dialect prefix off %j", (token, bare) => {
    expect(cliticFree(token, knowing(bare)).map((h) => h.term)).toEqual([bare]);
  });

  it("finds a final hamza under the seat a pronoun gave it", () => {
    expect(cliticFree("ببنايه", knowing("بناء")).map((h) => h.term)).toEqual(["بناء"]);
    expect(cliticFree("شركاوها", knowing("شركاء")).map((h) => h.term)).toEqual(["شركاء"]);
  });

  it("reads ه or ح as the future only before a present-tense verb", () => {
    expect(cliticFree("حملات", knowing("ملات"))).toEqual([]);
    expect(cliticFree("هموم", knowing("موم"))).toEqual([]);
  });

  it("never cuts below three letters, and leaves other scripts alone", () => {
    expect(cliticFree("وما", knowing("ما"))).toEqual([]);
    expect(cliticFree("musk", knowing("mus"))).toEqual([]);
  });
});

describe("accusativeVariant", () => {
  it("reads the accusative alif both ways", () => {
    expect(accusativeVariant("رمزا", knowing("رمز"))).toEqual({ term: "رمز", similarity: 0.95 });
    expect(accusativeVariant("رمز", knowing("رمزا"))).toEqual({ term: "رمزا", similarity: 0.95 });
  });

  it("keeps the alif of a short word its own", () => {
    expect(accusativeVariant("ما", knowing("م"))).toBeUndefined();
    expect(accusativeVariant("رمزا", knowing())).toBeUndefined();
  });
});

describe("finalAlifVariant", () => {
  it("reads a final alif maqsura typed for alif as the alif", () => {
    // "دعى" is normalised to "دعي".
    expect(finalAlifVariant("دعي", knowing("دعا"))).toEqual({ term: "دعا", similarity: 0.9 });
  });

  it("finds nothing when the store lacks the alif form, or for short or Latin words", () => {
    expect(finalAlifVariant("دعي", knowing())).toBeUndefined();
    expect(finalAlifVariant("في", knowing("فا"))).toBeUndefined();
    expect(finalAlifVariant("hi", knowing("ha"))).toBeUndefined();
  });
});

describe("arabicStem and buildStemIndex", () => {
  it("gives two forms of one verb the same stem", () => {
    expect(arabicStem("صرفت")).toBe("صرف");
    expect(arabicStem("يصرف")).toBe("صرف");
    expect(arabicStem("شريكتها")).toBe("شريك");
    expect(arabicStem("شريك")).toBe("شريك");
    expect(arabicStem("ما")).toBeUndefined();
    expect(arabicStem("spent")).toBeUndefined();
  });

  // Dialects write the plural verb's ending as "و" alone: "قالو" is "قالوا".
  it("reads the dialect plural ending as the standard one", () => {
    expect(arabicStem("قالو")).toBe(arabicStem("قالوا"));
    expect(arabicStem("يصرفو")).toBe("صرف");
    // A root's own last letter stays: three letters are kept at least.
    expect(arabicStem("يدعو")).toBe("دعو");
  });

  // The dialects' present "بـ" and Egyptian future "هـ" stand where Standard Arabic has none or "سـ".
  it("cuts the dialect present and future prefixes as it cuts the standard ones", () => {
    expect(arabicStem("بيلعبوا")).toBe(arabicStem("يلعبون"));
    expect(arabicStem("هيبني")).toBe(arabicStem("سيبني"));
    expect(arabicStem("حيستثمروا")).toBe(arabicStem("سيستثمرون"));
    expect(arabicStem("بتدفع")).toBe(arabicStem("تدفع"));
  });

  it("meets an unknown form with the forms the store has", () => {
    const sameStem = buildStemIndex(["يصرف", "مال", "musk"]);
    expect(sameStem("صرفت")).toEqual([{ term: "يصرف", similarity: 0.8 }]);
    expect(sameStem("ذهب")).toEqual([]);
  });
});

describe("inflectionFree", () => {
  it("cuts English endings, undoubling and restoring letters the ending took", () => {
    expect(inflectionFree("putting", knowing("put"))).toEqual([{ term: "put", similarity: 0.9 }]);
    expect(inflectionFree("ties", knowing("tie"))).toEqual([{ term: "tie", similarity: 0.9 }]);
    expect(inflectionFree("funded", knowing("fund"))).toEqual([{ term: "fund", similarity: 0.9 }]);
    expect(inflectionFree("parties", knowing("party"))).toEqual([
      { term: "party", similarity: 0.9 },
    ]);
  });

  it("finds nothing the store lacks, and leaves Arabic alone", () => {
    expect(inflectionFree("owning", knowing("own"))).toEqual([{ term: "own", similarity: 0.9 }]);
    expect(inflectionFree("owning", knowing())).toEqual([]);
    expect(inflectionFree("يصرفون", knowing("يصرف"))).toEqual([]);
  });
});
