import { LATIN_TOKEN } from "./token-scripts.ts";

/** The story as readers name it when they cite it ("per the article", "كما ورد في المقال"). */
const STORY = "article|story|piece|text|author|writer";
const ARABIC_STORY = "المقال|النص|الكاتب";
const ARABIC_SAYS = "يذكر|يقول|يورد|بيقول|ذكر|قال";

/**
 * Idioms read as the one word they mean. Readers ask "why is Elon dragging OpenAI to court?" and
 * "did the Microsoft boss crack up?"; word by word, "dragging" and "crack" are words nothing in the
 * store holds, which weigh most of a question, and "court" points at the hearing, not the lawsuit.
 * Read whole, they are "sue" and "laughing", which the store does hold. Store and question go
 * through the same reading, so an idiom in a phrasing meets the same idiom typed.
 *
 * A pattern is written as readers write it, and read word by word by the normaliser. A word may
 * give its other forms after "|" ("take|took|taken"); an English word also matches its regular
 * endings ("drag" → "dragging"). A meaning may be empty: "in a nutshell" adds nothing.
 * "*" stands for one to three words of the reader's own (the object: "dragging OpenAI to court"),
 * which are kept after the meaning.
 */
const IDIOMS: readonly (readonly [pattern: string, means: string])[] = [
  ["drag * to court", "sue"],
  ["drag * into court", "sue"],
  ["take|took|taken * to court", "sue"],
  ["take|took|taken * to the court", "sue"],
  ["drag * to the court", "sue"],
  ["haul * to court", "sue"],
  ["take|took|taken legal action against", "sue"],
  // "Will the judge give Musk what he wants?" asks whether the court grants his request.
  ["give|gave|given * what he|she|they|it want|wants|wanted|asked|asks", "grant"],
  ["roll out", "announced"],
  ["roll * out", "announced"],
  ["foot the bill", "pay"],
  ["put up the cash|money|capital|funds", "fund"],
  ["put up cash|money|capital|funds", "fund"],
  ["write|wrote|written|writing the check|checks|cheque|cheques", "fund"],
  ["pick up the tab", "pay"],
  ["hit back", "respond"],
  ["fire back", "respond"],
  ["clap back", "respond"],
  ["shoot|shot back", "respond"],
  ["say|said back", "respond"],
  ["write|wrote|written back", "respond"],
  ["weigh in", "comment"],
  ["push back", "criticize"],
  ["throw|threw|thrown shade", "criticize"],
  ["hype * up", "announced"],
  ["joke around", "joking"],
  ["bring|brought up", "mention"],
  ["show up", "attend"],
  ["turn up", "attend"],
  ["no show", "absent"],
  // "Which company wasn't at Trump's press conference?": word by word, "wasn't at" is a "was" and
  // an "at", and the question met the entry on when the conference was.
  ["wasn|weren t at", "absent at"],
  ["wasn|weren at", "absent at"],
  ["was|were not at", "absent at"],
  ["didn t attend", "absent"],
  ["did not attend", "absent"],
  ["chip in", "invest"],
  ["pitch in", "invest"],
  ["prop up", "back"],
  ["in on", "part"],
  ["cast doubt", "question"],
  ["in the works", "planned"],
  // "When will Stargate be done?" asks when it is finished; "done" alone is a stopword.
  ["be|get|is|are|being done", "finished"],
  ["in the pipeline", "planned"],
  // News that "got out" or that people "first heard" was reported: "when did word of it get out?"
  ["word of * get|got|gets out", "reported"],
  ["word get|got|gets out", "reported"],
  ["first hear|heard about|of", "first reported"],
  // "Was it already cooking before Trump announced it?", "cooked up before he took office".
  ["cook|cooked|cooking up", "planned"],
  ["already cooking", "already planned"],
  ["was|were|been|be cooking", "planned"],
  ["went|go|goes|going on tv|television about", "announced"],
  // Competition that is "not clean" or "no fair shot" is what Musk calls unfair.
  ["fair shot|chance", "fair competition"],
  ["مش|مو|غير نظيفة|نظيفه|نضيفة|نضيفه", "غير عادلة"],
  ["keep|kept the lights on", "power"],
  ["run|ran on", "powered"],
  ["crack up", "laughing"],
  // A company is founded, not begun: "did Musk and Altman start OpenAI together?" met "how did
  // the feud start".
  ["start * together", "cofounded"],
  ["start openai", "founded openai"],
  ["start open ai", "founded open ai"],
  ["start xai", "founded xai"],
  ["start x ai", "founded x ai"],
  ["start a|an|his|their|its * company|firm|startup|lab", "founded company"],
  ["company|firm did * start", "company founded"],
  // "The playing field isn't level": the competition is unfair, in every wording of it.
  ["playing field isn|wasn t|not level|even|fair", "unfair competition"],
  ["playing field is|was not level|even|fair", "unfair competition"],
  ["playing field is|was tilted|uneven|rigged", "unfair competition"],
  ["tilted|uneven|rigged playing field", "unfair competition"],
  ["butt heads", "clash"],
  ["lock horns", "clash"],
  ["take|took|taken * up on", "accept"],
  ["go check out", "visit"],
  ["check out", "visit"],
  ["money making", "profit"],
  ["acc to", "according to"],
  ["expected to", "will"],
  ["server farm", "data center"],
  // "The richest man on the planet" is the story's "richest man in the world"; word by word,
  // "الأرض" met "أرض" in another entry's quote.
  ["on the planet|earth", "in the world"],
  ["on planet earth", "in the world"],
  ["على وجه الأرض|البسيطة", "في العالم"],
  // "us" after "the" is never the pronoun: "spent in the us" is the country.
  ["the us", "usa"],
  ["داتا سنتر|سنترات", "مركز بيانات"],
  ["tl dr", "tldr"],
  ["five hundred", "500"],
  ["خمس|خمسة ميه", "500"],
  // "Why are Musk and Sam beefing in the first place?" asks how it started, not what it is about.
  ["in the first place", "start"],
  // A claim put to the bot to check asks what a yes-or-no question does: "is it true that Musk is
  // the richest man" is "is Musk the richest man", and "true", rare in the store, weighed most of it.
  ["is it true|correct that", "is"],
  ["is it true|correct", "is"],
  ["is it really true|correct that", "is"],
  ["is it really true|correct", "is"],
  ["هل صحيح|حقا|فعلا أن|إن|ان|انو|إنو", "هل"],
  ["هل من الصحيح أن|إن|ان", "هل"],
  ["هل صح أن|إن|ان", "هل"],
  // So is a claim the reader heard: "I heard Microsoft isn't putting in a dollar, true?". Who
  // said it asks nothing: the story is the check. (A pattern's first word takes English endings,
  // so none opens on "i": "is" would be its form.)
  ["heard|hear that", "is"],
  ["told me|us that", "is"],
  ["told me|us", "is"],
  ["people|everyone|everybody|they keep|are saying that", "is"],
  ["people|everyone|everybody|they keep|are saying", "is"],
  ["people|everyone|everybody say|says that", "is"],
  ["people|everyone|everybody say|says", "is"],
  ["fact check|factcheck", ""],
  ["confirm or deny", ""],
  // Question words said another way: "how come Musk sued?", "which person owns it?", "in what
  // place is it?".
  ["how come", "why"],
  // "مين مع مين بستارغيت؟": who is allied with whom asks who the partners are; who is against
  // whom, what the clash is. Word by word it is one "who" and the venture's name.
  ["مين|من مع مين|من", "مين شركاء"],
  ["مين|من ضد مين|من", "مين خلاف"],
  ["who is|s with who|whom", "who partners"],
  ["who with who|whom", "who partners"],
  ["who is|s against who|whom", "who clash"],
  ["who against|vs who|whom", "who clash"],
  ["which|what person|individual", "who"],
  ["in|at what|which place|location", "where"],
  ["من الأساس|الاساس", ""],
  // "…splitting up or what": the reader's shrug asks nothing more.
  ["or what", ""],
  ["or not", ""],
  ["ولا لا", ""],
  ["او|أو لا", ""],
  // What a reader says before asking asks nothing.
  ["i|we was|am|were|are wondering", ""],
  ["i|we wonder", ""],
  ["just wondering|curious", ""],
  ["quick question", ""],
  ["i|we have|got a question", ""],
  ["can|could|would you", ""],
  ["do|does you|anyone|anybody know", ""],
  ["anyone|anybody know", ""],
  ["can|could|would someone|somebody|anyone|anybody|you explain", ""],
  ["someone|somebody explain", ""],
  // Posting slang: "no cap" (no lie), "W or L" (a win or a loss).
  ["no cap", ""],
  ["w or l", ""],
  // "Explain like I'm five": put simply, which every answer is.
  ["like i am|m 5|five|10|ten", ""],
  ["like im 5|five|10|ten", ""],
  // How simply to answer, and for whom: "explain it simple for my 10 year old", "كأني صغير".
  ["explain it|this|that simple|simply|simpler|easy|easily", ""],
  ["explain simple|simply", ""],
  ["for my|a kid|kids|son|daughter|child|children", ""],
  ["for my|a 5|five|6|six|7|seven|8|eight|9|nine|10|ten|11|eleven|12|twelve year old|olds", ""],
  ["كأني|كاني|كأنني صغير|طفل|ولد", ""],
  ["ببساطة", ""],
  ["بطريقة|بشكل بسيط|بسيطة|مبسط|مبسطة", ""],
  ["remind me", ""],
  [`i|we read|saw the ${STORY}`, ""],
  ["في|فيه حد|أحد يعرف", ""],
  ["حد|أحد يعرف", ""],
  ["ذكرني|ذكروني", ""],
  ["real|really quick", ""],
  ["random|dumb|stupid|silly|noob question", ""],
  ["sorry if this|it was asked", ""],
  ["sorry if this|it has been asked", ""],
  ["in a nutshell", ""],
  ["in simple|plain terms|words", ""],
  ["with|w source|sources|citation|citations", ""],
  ["cite|source please|pls", ""],
  ["yes or no", ""],
  ["لو سمحتوا|سمحتو|سمحتم|سمحتي", ""],
  ["ممكن سؤال", ""],
  ["الله|ربي يخليك|يخليكم|يعافيك|يعافيكم|يسعدك|يسعدكم|يحفظك|يحفظكم", ""],
  ["يا ريت", ""],
  ["ياريت", ""],
  ["حد|أحد يقولي|يقلي|يخبرني|يشرحلي", ""],
  ["اشرح|اشرحلي ياه|اياه", ""],
  ["اشرح|اشرحلي", ""],
  ["يا غالي|صديقي|صاحبي", ""],
  ["مش|مو كده|كذا|هيك", ""],
  ["باختصار|بإيجاز|بالتفصيل", ""],
  ["بشكل|بصورة مختصر|مختصرة|مفصل|مفصلة", ""],
  ["مع ذكر المصدر|المصادر", ""],
  ["مع المصدر|المصادر", ""],
  [`قرأت|قريت|شفت ${ARABIC_STORY}|الخبر`, ""],
  ["good morning|afternoon|evening", ""],
  ["story desk", ""],
  ["ستوري ديسك", ""],
  ["answer me", ""],
  ["بدي|بدنا|ابي|ابغى|ابغي|عايز|عاوز|حابب|حاب|نفسي|اريد|اود اعرف|افهم", ""],
  ["عندي سؤال", ""],
  // An office sign-off asking for the reply: "kindly revert", "please do the needful".
  ["kindly|please|pls revert", ""],
  ["revert back|asap", ""],
  ["do the needful", ""],
  // Formal requests: "أرجو أن توضح…", "أرغب في معرفة…", "kindly tell…".
  ["kindly", ""],
  ["من فضلك|فضلكم", ""],
  ["لو تكرمت|تكرمتم", ""],
  ["أرجو|نرجو|يرجى", ""],
  ["ان|أن توضح|توضحوا|تبين|تخبرني|تخبرنا", ""],
  ["توضيح", ""],
  ["أود|أرغب|أريد في|أن معرفة|أعرف|أفهم", ""],
  ["أود|أرغب|أريد معرفة", ""],
  ["سؤال سريع|بسيط", ""],
  ["لو سمحت", ""],
  ["السلام عليكم", ""],
  ["صباح|مساء الخير", ""],
  ["thank you|u so much", ""],
  ["thanks|thx so much", ""],
  ["thank you|u", ""],
  ["in advance", ""],
  ["الله يعطيك|يعطيكم العافية", ""],
  ["يعطيك|يعطيكم العافية", ""],
  ["جزاك|جزاكم الله خير|خيرا", ""],
  // Courtesies around the question: a greeting returned, blessings, thanks and good wishes.
  ["ورحمة الله وبركاته", ""],
  ["ورحمة الله", ""],
  ["وعليكم السلام", ""],
  ["صباح|مساء النور|الفل|الورد", ""],
  ["كيف حالك|حالكم", ""],
  ["يا فندم", ""],
  ["الله يديك|يديكم العافية", ""],
  ["تحية|تحيه طيبة|طيبه وبعد", ""],
  ["تحية|تحيه طيبة|طيبه", ""],
  ["ولك|ولكم|لك|لكم|الك|إلك جزيل|خالص الشكر", ""],
  ["جزيل|خالص الشكر", ""],
  ["شكرا|وشكرا|مشكور|مشكورين لك|لكم|الك|إلك|ليك|مقدما", ""],
  ["معلش|معليش|اسف|آسف|عذرا|المعذرة على|عن الإزعاج|الإطالة", ""],
  ["بارك الله فيك|فيكم", ""],
  ["الله يجزاك|يجزيك|يجزاكم|يجزيكم خير|خيرا", ""],
  ["يعطيك|يعطيكم الف|ألف عافية", ""],
  ["تسلم|تسلمي ايدك|إيدك|ايديك|إيديك", ""],
  ["الف|ألف شكر", ""],
  ["مع الشكر|التحية", ""],
  ["بالله عليك|عليكم", ""],
  ["الله يرضى|يرضي عليك|عليكم", ""],
  ["يرحم والديك|والديكم", ""],
  ["kind|best|warm regards", ""],
  ["best wishes", ""],
  ["much appreciated", ""],
  ["appreciate it", ""],
  ["would be grateful", ""],
  ["hope you are|re doing well", ""],
  ["hope you are|re well", ""],
  ["hope all is well", ""],
  ["sorry to bother|trouble you", ""],
  ["sorry to be a nuisance|bother|pain", ""],
  ["sorry for|about the trouble|bother|inconvenience", ""],
  ["sorry for|about the long message|post", ""],
  ["how are you|u doing|today", ""],
  ["how are you|u", ""],
  ["young man|lady", ""],
  ["forgive|pardon my ignorance", ""],
  ["if you don t mind", ""],
  ["if it|its not too much trouble", ""],
  ["have a nice|good|great|lovely day|evening|weekend", ""],
  ["god bless", ""],
  ["bless you", ""],
  // Nor does the story named as the source, or the reader's hedge on having read it right.
  [`per the ${STORY}`, ""],
  [`the ${STORY} say|says|said|note|notes|noted|mention|mentions|report|reports|state|states`, ""],
  [`as far as the ${STORY} say|says|go|goes|tell|tells|explain|explains`, ""],
  ["if i understood|understand|read|follow|followed|got * correctly|right", ""],
  ["as i understand|understood", ""],
  [`${ARABIC_SAYS} ${ARABIC_STORY}`, ""],
  [`${ARABIC_STORY} ${ARABIC_SAYS}`, ""],
  [`كما ورد في ${ARABIC_STORY}`, ""],
  [`بحسب|حسب ما ورد في ${ARABIC_STORY}`, ""],
  [`بحسب|حسب ما فهمت من ${ARABIC_STORY}`, ""],
  ["بحسب|حسب النص", ""],
  // A formal writer's "regarding" says nothing the question's own words do not.
  ["فيما|في ما يتعلق", ""],
  ["back in the day", "early"],
  ["take|took|taken credit", "announced"],
  // A president takes the stage to announce: "before the president took the stage with it".
  ["take|took|taken the stage", "announced"],
  ["من زمان", "فترة طويلة"],
  ["for ages", "long"],
  ["for years", "long"],
  ["over the years", "long"],
  ["all these years", "long"],
  ["جر|جرجر|يجر|بيجر * المحكمة|المحاكم|عالمحكمة|عالمحاكم|للمحكمة|للمحاكم", "يقاضي"],
  ["وقف|وقفت|يقف|تقف * وراء", "دعم"],
  ["على مر السنين|السنوات|الأعوام", "فترة طويلة"],
  ["على مدى السنين|السنوات|الأعوام", "فترة طويلة"],
  ["جني المال|الأموال|الفلوس", "ربح"],
];

const GAP = "*";
const MAX_GAP = 3;
/** Letters an idiom's later word needs before a slip in it is read as that word. */
const MIN_SLIP_LETTERS = 4;

/**
 * Whether `typed` is `word` with one slip: a letter dropped, added, changed, or two neighbours
 * swapped, the first letter kept. Readers who type "drag OpenAI to cort" or "cast dobt" use the
 * idiom all the same; its first word, which finds it, must be spelled right. English only: an
 * Arabic word one slip from another is as often another word ("أسس", founded, and "أساس").
 */
function oneSlipApart(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (!LATIN_TOKEN.test(typed) || !LATIN_TOKEN.test(word)) return false;
  if (word.length < MIN_SLIP_LETTERS || typed.length < MIN_SLIP_LETTERS - 1) return false;
  if (typed[0] !== word[0] || Math.abs(typed.length - word.length) > 1) return false;
  // Past the first difference, the rest must be the same once the slip is undone.
  let i = 0;
  while (i < typed.length && typed[i] === word[i]) i++;
  if (typed.length < word.length) return typed.slice(i) === word.slice(i + 1);
  if (typed.length > word.length) return typed.slice(i + 1) === word.slice(i);
  const swapped = typed[i] === word[i + 1] && typed[i + 1] === word[i];
  return (
    typed.slice(i + 1) === word.slice(i + 1) ||
    (swapped && typed.slice(i + 2) === word.slice(i + 2))
  );
}

const holds = (step: ReadonlySet<string>, token: string): boolean => {
  if (step.has(token)) return true;
  for (const word of step) if (oneSlipApart(token, word)) return true;
  return false;
};

interface Pattern {
  steps: readonly (ReadonlySet<string> | typeof GAP)[];
  means: readonly string[];
}

/**
 * A word's regular English forms: "drag" → drags, dragged, dragging; "take" → takes, taking.
 * Short words after the first ("the", "on") are the idiom's own and keep their one form.
 */
function englishForms(word: string, first: boolean): string[] {
  if (!LATIN_TOKEN.test(word) || (!first && word.length < 4)) return [word];
  const last = word.at(-1) ?? "";
  const stem = last === "e" ? word.slice(0, -1) : word;
  // One short vowel before a last consonant doubles it: "drag" → "dragging", "chip" → "chipped".
  const doubles = /[^aeiou][aeiou][bdgmnprt]$/.test(word)
    ? [`${word}${last}ed`, `${word}${last}ing`]
    : [];
  return [word, `${word}s`, `${word}es`, `${stem}ed`, `${stem}ing`, ...doubles];
}

/** The words the idioms are written in, as typed: "bruh real quick" is chat, not Arabizi. */
export const IDIOM_WORDS: ReadonlySet<string> = new Set(
  IDIOMS.flatMap(([pattern]) => pattern.toLowerCase().split(/[ |]/)).filter((w) => w !== GAP),
);

/** Builds the patterns with `spell`, the normaliser's own word-by-word reading. */
export function buildIdioms(spell: (text: string) => string[]): (tokens: string[]) => string[] {
  const patterns: Pattern[] = IDIOMS.map(([pattern, means]) => ({
    steps: pattern
      .split(" ")
      .map((word, i) =>
        word === GAP
          ? GAP
          : new Set(
              word
                .split("|")
                .flatMap((form) => spell(form).flatMap((w) => englishForms(w, i === 0))),
            ),
      ),
    means: spell(means),
  }));
  const byFirst = new Map<string, Pattern[]>();
  for (const p of patterns) {
    const [first] = p.steps;
    if (!first || first === GAP) continue;
    for (const form of first) byFirst.set(form, [...(byFirst.get(form) ?? []), p]);
  }

  /** Where the pattern ends if it matches at `start`, and the reader's words its gap held. */
  const matchAt = (
    tokens: readonly string[],
    start: number,
    steps: Pattern["steps"],
    anchored = true,
  ): { end: number; kept: string[] } | undefined => {
    let at = start;
    const kept: string[] = [];
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s];
      if (step !== GAP) {
        const token = tokens[at] ?? "";
        if (!step || !(anchored && s === 0 ? step.has(token) : holds(step, token)))
          return undefined;
        at++;
        continue;
      }
      // The gap takes the fewest words after which the rest of the pattern matches.
      for (let size = 1; size <= MAX_GAP; size++) {
        const rest = matchAt(tokens, at + size, steps.slice(s + 1), false);
        if (rest) return { end: rest.end, kept: [...tokens.slice(at, at + size), ...rest.kept] };
      }
      return undefined;
    }
    return { end: at, kept };
  };

  return (tokens) => {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] ?? "";
      let read = false;
      for (const p of byFirst.get(token) ?? []) {
        const found = matchAt(tokens, i, p.steps);
        if (!found) continue;
        out.push(...p.means, ...found.kept);
        i = found.end - 1;
        read = true;
        break;
      }
      if (!read) out.push(token);
    }
    return out;
  };
}
