import { describe, expect, it } from "vitest";
import { buildArabiziSpeller } from "../src/engine/arabizi-spelling.ts";
import { arabicSkeleton, isArabizi, latinSkeleton, readArabizi } from "../src/text/arabizi.ts";
import { tokenize } from "../src/text/normalize.ts";

describe("Arabizi: Arabic typed in Latin letters and digits", () => {
  it.each([
    ["altman shu radd 3a musk?", true],
    ["ch7al d lflous ghadi ystathmro", true],
    ["chkoun lancium?", true],
    // Figures, ordinals, times and product names hold digits too.
    ["is it 80b or 500bn", false],
    ["Q2: why did musk sue in 2024 at 3pm", false],
    ["the 3rd data center, mp3", false],
    ["hiya, wash my car", false],
  ])("reads %j as Arabizi: %j", (text, arabizi) => {
    expect(isArabizi(text)).toBe(arabizi);
  });

  it.each([
    ["ystathmro", "يستثمرو"],
    ["ch7al", "شحال"],
    ["9al", "قال"],
    ["jalse", "جلسة"],
    ["ma7kama", "محكمة"],
    ["3ando", "عنده"],
  ])("spells %j with the consonants of %j", (latin, arabic) => {
    expect(latinSkeleton(latin)).toBe(arabicSkeleton(tokenize(arabic)[0] ?? ""));
    expect(latinSkeleton(latin).length).toBeGreaterThan(1);
  });

  it("tells apart words whose consonants differ", () => {
    expect(latinSkeleton("flous")).not.toBe(arabicSkeleton("قال"));
    expect(latinSkeleton("9al")).not.toBe(arabicSkeleton("كل"));
  });

  const speller = buildArabiziSpeller(
    new Set(["فلوس", "فلوسهم", "عرف", "قال", "مال", "money", "said"]),
    new Set(["musk", "softbank"]),
  );

  it("spells a word as the store's shortest Arabic word with its consonants", () => {
    expect(speller("flous")).toBe("فلوس");
    expect(speller("9al")).toBe("قال");
  });

  it("reads the article, a preposition or Egyptian and Maghrebi negation off the word", () => {
    expect(speller("lflous")).toBe("فلوس");
    expect(speller("ma3rafch")).toBe("عرف");
    expect(speller("ma3rafsh")).toBe("عرف");
  });

  it("keeps the store's Latin words, names and figures, and what it cannot spell", () => {
    for (const word of ["money", "said", "musk", "softbank", "2024", "tribunal"])
      expect(speller(word)).toBeUndefined();
  });

  it("spells a question's words only when it is Arabizi", () => {
    expect(readArabizi("musk 9al mal", speller)).toBe("musk قال مال");
    expect(readArabizi("musk mal", speller)).toBe("musk mal");
  });
});

describe("readArabizi: Arabic typed in Latin letters", () => {
  it.each([
    ["altman shu radd 3a musk?", "altman شو رد على musk?"],
    // The article is written onto the word after it; "w" and "fi" are Arabic here.
    [
      "fi court case bein musk w openai? emta el jalse?",
      "في court case بين musk و openai? امتى الجلسة?",
    ],
    ["ya3ni shu hiye stargate bel zabt", "يعني شو هي stargate بالزبط"],
    ["SHU 2AL MUSK", "شو قال MUSK"],
  ])("reads %j as %j", (text, arabic) => {
    expect(readArabizi(text)).toBe(arabic);
  });

  it.each([
    "what did musk say w/ the money",
    "is the hearing el paso or fi-nal",
    "hiya, who is altman",
    "wen did musk post it",
    // Words that name an object's own properties are no Arabizi either.
    "constructor toString",
  ])("leaves %j as typed: no word in it is Arabizi for sure", (text) => {
    expect(readArabizi(text)).toBe(text);
  });
});
