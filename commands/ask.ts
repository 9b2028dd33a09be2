import { lookupCommand } from "./options.ts";

export const askCommand = lookupCommand({
  field: "ask",
  description: "Ask a question about the story; the answer cites it",
  option: { name: "question", description: "Your question about the story" },
});
