import { lookupCommand } from "./options.ts";

export const quoteCommand = lookupCommand({
  field: "quote",
  description: "A speaker's quotes: verbatim Arabic and the English rendering",
  option: { name: "speaker", description: "Who said it" },
});
