import { lookupCommand } from "./options.ts";

export const whoCommand = lookupCommand({
  field: "who",
  description: "Profile of a person or organisation in the story, with cited snippets",
  option: { name: "name", description: "A person or organisation in the story" },
});
