/** A whole token as `tokenize` leaves a Latin word: lowercase letters only. */
export const LATIN_TOKEN = /^[a-z]+$/;

/** A whole token as `tokenize` leaves an Arabic word: folded letters only, no marks or digits. */
export const ARABIC_TOKEN = /^[\u0621-\u064A]+$/;

/**
 * The future prefix of a verb ("سيكتمل", "ستنعقد", "سنعرف"), but not the name "ستارغيت", and the
 * dialects' ("هيخلص", "حيبدأ") on a verb of three letters or more.
 */
export const ARABIC_FUTURE_VERB = /^(?:سي|ست(?!ار)|سن|[هح][يتن](?=.{3}))/;
