/** A whole token as `tokenize` leaves a Latin word: lowercase letters only. */
export const LATIN_TOKEN = /^[a-z]+$/;

/** A whole token as `tokenize` leaves an Arabic word: folded letters only, no marks or digits. */
export const ARABIC_TOKEN = /^[\u0621-\u064A]+$/;
