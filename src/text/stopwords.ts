import { normalize } from "./normalize.ts";

/**
 * Filler words that carry no meaning about the story. Question words (who, how much, متى…) are
 * deliberately absent: they tell "how much" questions from "when" questions. What the tokeniser
 * leaves of a negative ("didn" of "didn't") is as much filler as the word it negates.
 */
const ENGLISH = `a an the of to in on at by for from with about as and or but so is are was were be been being
do does did done doing has have had i me my we us you your it its this that these those there their they them he him
his she her please tell know want can could would should will shall may might just also really actually any some
let lets s t d ll re ve m
per up off too very lot lots thing things stuff anywhere somewhere ever even still eventually ultimately basically exactly
against anything something everything nothing yet now already such same other another each every both all
anyone anybody someone somebody everyone everybody whole entire
according regarding concerning located situated
don doesn didn isn wasn aren weren hasn haven whether anyway kinda sorta
get gets got getting go goes going went gone
lol lmao haha tbh imo idk btw nah yeah ok okay hey hi yo bro hello guys folks bot storydesk ngl fr rly smh
thanks thx ty tysm cheers dear greetings regards
um umm uh uhh hmm hm er erm wait honestly seriously literally truly again
bruh like q sorry confused alright asap briefly eli5 though`;

/**
 * Arabic's particles and pronouns. "And" and "so" are written joined to the next word, so "وفي أي
 * محكمة" or "فهل" hold these: a joined form is filler too, not a word of its own that no entry has
 * and that weighed as much as the rarest. The dialect words below are left out: "وراح" is as often
 * "and went" as "and will".
 */
const ARABIC_PARTICLES = `في على عن الى إلى من مع او أو ثم ان أن إن انه أنه إنه هو هي هم هما هذا هذه ذلك تلك الذي التي الذين
هل قد لقد كان كانت يكون تكون لي لك له لها لهم به بها بهم فيه فيها عليه عليها منه منها عنه عنها لو
إليه إليها إليهم
حتى عندما خلال كل بعض هناك هنا لدى عند ضد حول
حسب بحسب وفق وفقا بشأن بخصوص`;

const ARABIC = `و
اخبرني أخبرني قل لي ممكن يمكن أريد اريد اعرف أعرف
كثير الكثير جدا جداً أيضا أيضاً ايضا فعلا فعلاً حقا حقاً تبلغ يبلغ
النهاية نهاية ل ب ك ف ع
اللذي اللتي اللذين
الآن الان داخل
اللي يلي رح راح عم هاد هادا هاي هيدا هيدي هذي دي ده كمان برضو هيك
يعني اخري اخرين
طيب والله بس لسه لسا ولا
واش دلوقتي دلوقت هلق هلأ الحين دابا توا هسه هسا كده كدا دا اوي غادي ملي ديال ديالو ديالها ديالهم
أصلا أصلاً بالضبط بالظبط بالزبط تحديدا تحديداً
قلي قولي قوللي خبرني خبرنا احكيلي احكيلنا تقولي تقلي تخبرني تحكيلي جاوبني مرحبا اهلا هاي بوت
يا بالله جماعة شباب اخي أخي اخوي خوي اخوان استفسار عفوا معليش معلش بليز تكفى تكفون اهلين هلا`;

/**
 * Words for the story itself: every question is about it, so "in the article" or "حسب المقال"
 * asks nothing more.
 */
export const STORY_WORDS: ReadonlySet<string> = wordsOf(
  "article articles story piece author writer المقال المقالة الخبر الكاتب",
);

/** Thanks and good wishes, which close a message as often joined to "and": "…؟ وشكرا". */
const ARABIC_COURTESY =
  "شكرا شكراً مشكور مشكورة مشكورين جزيلا تسلم تسلمي تسلموا تحياتي ممنون عافاك مقدما شلونك شلونكم كيفك كيفكم ازيك ازيكم";

const CONJUNCTIONS = ["و", "ف"];

const PARTICLES = wordsOf(ARABIC_PARTICLES);
const COURTESY = wordsOf(ARABIC_COURTESY);
const joined = (words: ReadonlySet<string>) =>
  [...words].flatMap((word) => CONJUNCTIONS.map((conjunction) => conjunction + word));

export const STOPWORDS: ReadonlySet<string> = new Set([
  ...wordsOf(`${ENGLISH} ${ARABIC}`),
  ...PARTICLES,
  ...joined(PARTICLES),
  ...COURTESY,
  ...joined(COURTESY),
  ...STORY_WORDS,
]);

function wordsOf(list: string): Set<string> {
  return new Set(
    list
      .split(/\s+/)
      .map(normalize)
      .filter((w) => w.length > 0),
  );
}
