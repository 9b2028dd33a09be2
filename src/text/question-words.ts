/**
 * The words readers ask with, as they write them: they tell the kind of fact wanted, not what it is
 * about. One list for the normaliser, which reads "and" written onto one ("وما", "ومنو"), and for
 * the engine, which leaves them out of what a question asks.
 */
export const ENGLISH_QUESTION_WORDS = "who what when where why how which whose much many";

export const ARABIC_QUESTION_WORDS = [
  "ما ماذا متى أين لماذا كيف كم أي",
  // Gulf, Iraqi, Egyptian, Levantine and Maghrebi readers ask with their own words.
  "مين شو ايش وش إيه امتى وين فين ليش ليه قديش كام",
  "منو شنو شلون ازاي كيفاش علاش شحال بكام بكم منين ايمتى شكون شكد بشكد",
  // Libyan and Tunisian, Sudanese, Iraqi, Yemeni and Emirati: "how much", "when", "why", "what",
  // "which".
  "قداش وقتاش متين شوكت ايحين شحقه علاه شني شنيه شن ياتو",
].join(" ");
